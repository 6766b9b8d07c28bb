package com.acme.gateway.sequencestatechange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.acme.gateway.filter.FilterLimits;
import com.acme.gateway.graphql.CursorCodec;
import com.acme.gateway.graphql.InvalidInputException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * The subscription {@code sequenceStateChanges} and the cursor of each change.
 *
 * <p>
 * A cursor holds the change's feed position and time, signed by {@link CursorCodec}:
 * every instance with the same {@code gateway.cursor.secret} accepts it. One older than
 * the retention is refused, as the log may no longer hold the changes after it.
 */
@Controller
public class SequenceStateChangeController {

	private static final String CURSOR_SCOPE = "sequenceStateChanges";

	private final SequenceStateChangeFeed feed;

	private final CursorCodec cursors;

	private final FilterLimits filterLimits;

	private final SubscriptionsProperties properties;

	public SequenceStateChangeController(SequenceStateChangeFeed feed, CursorCodec cursors, FilterLimits filterLimits,
			SubscriptionsProperties properties) {
		this.feed = feed;
		this.cursors = cursors;
		this.filterLimits = filterLimits;
		this.properties = properties;
	}

	@SubscriptionMapping
	public Flux<SequenceStateChange> sequenceStateChanges(@Argument @Nullable Map<String, Object> filter,
			@Argument @Nullable String after) {
		ChangeFilter changeFilter = ChangeFilter.of(filter, this.filterLimits);
		return this.feed.changes((after != null) ? decode(after) : null, changeFilter);
	}

	@SchemaMapping
	public String cursor(SequenceStateChange change) {
		return this.cursors.encode(CURSOR_SCOPE,
				List.of(Long.toString(change.position().xid()), Long.toString(change.position().position()),
						Long.toString(change.changedAt().toInstant().toEpochMilli())));
	}

	private ChangePosition decode(String cursor) {
		List<String> values = this.cursors.decode(cursor, CURSOR_SCOPE, 3);
		try {
			Instant changedAt = Instant.ofEpochMilli(Long.parseLong(values.get(2)));
			if (changedAt.isBefore(Instant.now().minus(this.properties.retention()))) {
				throw new InvalidInputException("The cursor is older than the change log's retention ("
						+ this.properties.retention() + "); subscribe without after and reload the states.");
			}
			return new ChangePosition(Long.parseLong(values.get(0)), Long.parseLong(values.get(1)));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("The cursor is malformed.");
		}
	}

}
