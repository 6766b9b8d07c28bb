package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.KeyedRow;
import com.acme.gateway.database.SortKey;
import com.acme.gateway.filter.FilterLimits;
import com.acme.gateway.filter.FilterSignature;
import com.acme.gateway.graphql.Connections;
import com.acme.gateway.graphql.CursorCodec;
import com.acme.gateway.graphql.Ids;
import com.acme.gateway.graphql.PageRequest;
import com.acme.gateway.graphql.PagingProperties;
import com.acme.gateway.prospect.Prospect;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code sequenceState} and {@code sequenceStates} queries, and a prospect's
 * {@code sequenceStates}.
 */
@Controller
public class SequenceStateController {

	private final SequenceStateRepository repository;

	private final CursorCodec cursors;

	private final PagingProperties paging;

	private final FilterLimits filterLimits;

	private final SequenceStateLinks links;

	public SequenceStateController(SequenceStateRepository repository, CursorCodec cursors, PagingProperties paging,
			FilterLimits filterLimits, SequenceStateLinks links) {
		this.repository = repository;
		this.links = links;
		this.cursors = cursors;
		this.paging = paging;
		this.filterLimits = filterLimits;
	}

	/**
	 * The links selected on the state are joined in the same statement (see
	 * {@link SequenceStateLinks}).
	 */
	@QueryMapping
	public DataFetcherResult<SequenceState> sequenceState(@Argument String id, DataFetchingEnvironment environment) {
		JoinedLinks joined = new JoinedLinks();
		SequenceState state = this.repository.findById(Ids.parse(id, "id"), this.links.selectedIn(environment), joined)
			.orElse(null);
		return DataFetcherResult.<SequenceState>newResult().data(state).localContext(joined).build();
	}

	/**
	 * Everything the client sent is checked (page arguments, filter limits, cursor)
	 * before the first statement runs, so a refused request costs the database nothing.
	 */
	@QueryMapping
	public DataFetcherResult<SequenceStateConnection> sequenceStates(@Argument @Nullable Map<String, Object> filter,
			@Argument @Nullable List<SequenceStateOrder> orderBy, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			DataFetchingEnvironment environment) {
		return connection(filter, orderBy, PageRequest.of(first, after, last, before, this.paging), DSL.noCondition(),
				"", environment);
	}

	/**
	 * The root connection restricted to one prospect. Its cursors carry the prospect's id
	 * in their scope, so a cursor of one prospect's list is refused on another's. One
	 * statement per prospect whose list is selected: a router asking for many prospects'
	 * states in one {@code _entities} request costs one page query per prospect (each
	 * page is its own keyset).
	 */
	@SchemaMapping(typeName = "Prospect", field = "sequenceStates")
	public DataFetcherResult<SequenceStateConnection> prospectSequenceStates(Prospect prospect,
			@Argument Map<String, Object> filter, @Argument List<SequenceStateOrder> orderBy, @Argument Integer first,
			@Argument String after, @Argument Integer last, @Argument String before,
			DataFetchingEnvironment environment) {
		return connection(filter, orderBy, PageRequest.of(first, after, last, before, this.paging),
				SEQUENCE_STATE.PROSPECT_ID.eq(prospect.id()), "prospect:" + prospect.id() + "|", environment);
	}

	/**
	 * Everything the client sent is checked (page arguments, filter limits, cursor)
	 * before the first statement runs, so a refused request costs the database nothing.
	 */
	private DataFetcherResult<SequenceStateConnection> connection(Map<String, Object> filter,
			List<SequenceStateOrder> orderBy, PageRequest page, Condition restriction, String cursorScope,
			DataFetchingEnvironment environment) {
		SequenceStateOrdering ordering = (orderBy != null) ? SequenceStateOrdering.of(orderBy)
				: SequenceStateOrdering.BY_ID;
		Condition condition = restriction.and(SequenceStateConditions.of(filter, this.filterLimits));
		// A narrow date range on the column the order leads with is already an index
		// range in
		// page order; on another column, reading the range first beats walking the
		// order's index.
		Set<Field<?>> narrowRanges = SequenceStateConditions.narrowDateRanges(filter,
				this.filterLimits.narrowDateRange());
		boolean filterFirst = !narrowRanges.isEmpty() && !narrowRanges.contains(ordering.keys().get(0).field());
		JoinedLinks joined = new JoinedLinks();
		SequenceStateConnection connection = page(ordering, condition, cursorScope + FilterSignature.of(filter), page,
				filterFirst, this.links.selectedIn(environment, "edges", "node"), joined);
		return DataFetcherResult.<SequenceStateConnection>newResult().data(connection).localContext(joined).build();
	}

	/**
	 * Counted only when selected: a count over a large table is the costliest part of a
	 * page.
	 */
	@SchemaMapping(typeName = "SequenceStateConnection")
	public int totalCount(SequenceStateConnection connection) {
		return this.repository.count(connection.filter());
	}

	private SequenceStateConnection page(SequenceStateOrdering ordering, Condition filter, String filterSignature,
			PageRequest page, boolean filterFirst, List<SequenceStateLink<?>> links, JoinedLinks joined) {
		String scope = ordering.signature() + "|" + filterSignature;
		List<Object> afterValues = (page.cursor() != null) ? readCursor(page.cursor(), scope, ordering) : null;
		List<KeyedRow<SequenceState>> rows = (page.size() == 0) ? List.of() : this.repository.findPage(filter, ordering,
				page.backward(), afterValues, page.size() + 1, filterFirst, links, joined);
		Connections.Page<SequenceState> result = Connections.page(rows, page,
				values -> writeCursor(scope, ordering, values));
		return new SequenceStateConnection(result.edges(), result.pageInfo(), filter);
	}

	private List<Object> readCursor(String cursor, String scope, SequenceStateOrdering ordering) {
		List<String> texts = this.cursors.decode(cursor, scope, ordering.keys().size());
		List<Object> values = new ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			values.add(ordering.keys().get(i).read(texts.get(i)));
		}
		return values;
	}

	private String writeCursor(String scope, SequenceStateOrdering ordering, List<Object> values) {
		List<String> texts = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			SortKey<?> key = ordering.keys().get(i);
			texts.add(key.write(values.get(i)));
		}
		return this.cursors.encode(scope, texts);
	}

}
