package com.acme.gateway.sequencestatechange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.acme.gateway.graphql.LimitExceededException;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import org.springframework.stereotype.Component;

/**
 * The instance's one reader of the change log, fanning each batch out to all its
 * subscribers.
 *
 * <p>
 * {@link #poll()} (called on every NOTIFY and on a timer by
 * {@link ChangeNotificationListener}) reads the settled changes after the last batch and
 * publishes them once; every subscriber receives the same batch in memory, so the log is
 * read once per wake-up, not once per subscriber. A filter of the common shapes (the
 * state's own columns and link ids) is evaluated in memory ({@link InMemoryStateFilter});
 * the others are evaluated with the read, against the batch, in one statement per
 * {@value SequenceStateChangeLog#FILTERS_PER_STATEMENT} distinct filters (subscribers
 * with the same filter share its result): the statements per wake-up grow with the
 * distinct filters that need SQL, not with the subscribers. Either way a subscriber is
 * handed only the batches that hold a change for it. Each subscriber holds at most
 * {@code bufferSize} batches; one that falls further behind ends with
 * {@code LIMIT_EXCEEDED} instead of slowing the others or growing memory.
 *
 * <p>
 * Resuming ({@code after}): the subscriber is connected to the live batches first, then
 * replays the log after its cursor until the log has nothing more; live batches are then
 * passed on from the first change after the last one replayed. A change published before
 * the connection was settled before the replay read, so the replay has it; one published
 * after is in the live buffer: no gap, and the position check removes the overlap.
 */
@Component
public class SequenceStateChangeFeed {

	private final SequenceStateChangeLog log;

	private final SubscriptionsProperties properties;

	private final Sinks.Many<Batch> batches = Sinks.many().multicast().directBestEffort();

	/** The distinct filters of this instance's live subscribers, by their SQL. */
	private final Map<String, SubscribedFilter> filters = new ConcurrentHashMap<>();

	/**
	 * The last change published; null until the first poll. Written under this; read bare
	 * by describe.
	 */
	private volatile @Nullable ChangePosition head;

	public SequenceStateChangeFeed(SequenceStateChangeLog log, SubscriptionsProperties properties) {
		this.log = log;
		this.properties = properties;
	}

	/**
	 * Reads the changes settled since the last poll and publishes them to every
	 * subscriber.
	 */
	public synchronized void poll() {
		ChangePosition published = this.head;
		if (published == null) {
			this.head = this.log.settledEnd();
			return;
		}
		List<SequenceStateChange> changes;
		do {
			changes = this.log.findSettledAfter(published, this.properties.batchSize());
			if (!changes.isEmpty()) {
				Batch batch = new Batch(changes, matchingOfSubscribedFilters(changes));
				published = changes.get(changes.size() - 1).position();
				this.head = published;
				this.batches.tryEmitNext(batch);
			}
		}
		while (changes.size() == this.properties.batchSize());
	}

	/** How many subscriptions of this instance receive the live changes now. */
	public int subscriberCount() {
		return this.batches.currentSubscriberCount();
	}

	/** How many distinct filters this instance's subscribers use now. */
	public int filterCount() {
		return this.filters.size();
	}

	/**
	 * The last change published and this instance's subscriber count, for diagnostics.
	 */
	public String describe() {
		return "published up to " + this.head + ", settled end now " + this.log.settledEnd() + ", " + subscriberCount()
				+ " subscribers";
	}

	/** Whether every settled change of the log has been published. */
	boolean isCaughtUp() {
		ChangePosition published = this.head;
		return published != null && this.log.findSettledAfter(published, 1).isEmpty();
	}

	private synchronized void start() {
		if (this.head == null) {
			poll();
		}
	}

	/**
	 * The changes after {@code after} (or from now when null) whose row matches
	 * {@code filter}, one at a time, replayed from the log and then live.
	 */
	public Flux<SequenceStateChange> changes(@Nullable ChangePosition after, ChangeFilter filter) {
		return Flux.defer(() -> {
			start();
			// Subscribed before connecting, so that every live batch after the first
			// carries its result.
			String filterKey = (filter.inMemory() != null) ? null : subscribe(filter.condition());
			Sinks.Many<Batch> buffer = Sinks.many()
				.unicast()
				.onBackpressureBuffer(Queues.<Batch>get(this.properties.bufferSize()).get());
			Disposable connection = this.batches.asFlux()
				.filter(batch -> mayConcern(batch, filterKey, filter))
				.subscribe(batch -> {
					if (buffer.tryEmitNext(batch).isFailure()) {
						buffer.tryEmitError(new LimitExceededException(
								"The subscription fell too far behind the changes and was ended; resume it with the last cursor."));
					}
				});
			AtomicReference<ChangePosition> last = new AtomicReference<>(
					(after != null) ? after : ChangePosition.START);
			Flux<Batch> replay = (after != null) ? replay(after) : Flux.empty();
			return replay.concatWith(buffer.asFlux())
				.publishOn(Schedulers.boundedElastic())
				.map(batch -> deliverable(batch, last, filterKey, filter))
				.concatMapIterable(batch -> batch)
				.doFinally(signal -> {
					connection.dispose();
					unsubscribe(filterKey);
				});
		});
	}

	private Flux<Batch> replay(ChangePosition after) {
		return Flux.<Batch, ChangePosition>generate(() -> after, (position, sink) -> {
			List<SequenceStateChange> changes = this.log.findSettledAfter(position, this.properties.batchSize());
			if (changes.isEmpty()) {
				sink.complete();
				return position;
			}
			sink.next(new Batch(changes, Map.of()));
			return changes.get(changes.size() - 1).position();
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Whether a live batch can hold a change for the subscriber, decided on the feed's
	 * thread as the batch is published, so a subscriber to a few states is handed (a task
	 * on another thread) only the batches that concern it. Measured with 10 states per
	 * subscriber (BENCHMARKS.md, "Subscriptions"): p99 0.51 s to 0.26 s at 1,000
	 * subscribers, no gain at 10,000. An in-memory filter is evaluated again by
	 * {@code deliverable}, which replayed batches also go through; that repeat is only
	 * for the batches that matched.
	 */
	private static boolean mayConcern(Batch batch, @Nullable String filterKey, ChangeFilter filter) {
		InMemoryStateFilter inMemory = filter.inMemory();
		if (inMemory != null) {
			return batch.changes().stream().anyMatch(change -> inMemory.matches(change.row()));
		}
		if (filterKey == null) {
			return true;
		}
		Set<Long> matching = batch.matchingByFilter().get(filterKey);
		// No result: read before this subscriber's filter was subscribed; deliverable
		// asks.
		return matching == null || !matching.isEmpty();
	}

	/**
	 * Of the batch, the changes after the last one delivered that match the subscriber's
	 * filter.
	 */
	private List<SequenceStateChange> deliverable(Batch batch, AtomicReference<ChangePosition> last,
			@Nullable String filterKey, ChangeFilter filter) {
		List<SequenceStateChange> newer = batch.changes()
			.stream()
			.filter(change -> change.position().isAfter(last.get()))
			.toList();
		if (newer.isEmpty()) {
			return newer;
		}
		last.set(newer.get(newer.size() - 1).position());
		InMemoryStateFilter inMemory = filter.inMemory();
		if (inMemory != null) {
			return newer.stream().filter(change -> inMemory.matches(change.row())).toList();
		}
		if (filterKey == null) {
			return newer;
		}
		Set<Long> matching = batch.matchingByFilter().get(filterKey);
		if (matching == null) {
			// A replayed batch, or a live one read before this subscriber's filter was
			// subscribed.
			matching = this.log.findMatching(newer.stream().map(SequenceStateChange::position).toList(),
					filter.condition());
		}
		Set<Long> matched = matching;
		return newer.stream().filter(change -> matched.contains(change.position().position())).toList();
	}

	private Map<String, Set<Long>> matchingOfSubscribedFilters(List<SequenceStateChange> changes) {
		List<Map.Entry<String, SubscribedFilter>> subscribed = List.copyOf(this.filters.entrySet());
		if (subscribed.isEmpty()) {
			return Map.of();
		}
		List<Set<Long>> matching = this.log.findMatchingEach(
				changes.stream().map(SequenceStateChange::position).toList(),
				subscribed.stream().map(entry -> entry.getValue().condition()).toList());
		Map<String, Set<Long>> byFilter = new HashMap<>();
		for (int i = 0; i < subscribed.size(); i++) {
			byFilter.put(subscribed.get(i).getKey(), matching.get(i));
		}
		return byFilter;
	}

	/**
	 * Counts one more subscriber of {@code filter}; returns its key, or null for no
	 * filter.
	 */
	private @Nullable String subscribe(Condition filter) {
		if (filter.equals(DSL.noCondition())) {
			return null;
		}
		String key = this.log.keyOf(filter);
		this.filters.compute(key, (k, subscribed) -> (subscribed == null) ? new SubscribedFilter(filter, 1)
				: new SubscribedFilter(subscribed.condition(), subscribed.subscribers() + 1));
		return key;
	}

	private void unsubscribe(@Nullable String filterKey) {
		if (filterKey != null) {
			this.filters.computeIfPresent(filterKey, (k, subscribed) -> (subscribed.subscribers() == 1) ? null
					: new SubscribedFilter(subscribed.condition(), subscribed.subscribers() - 1));
		}
	}

	/**
	 * Live changes read together, and of them the positions that match each subscribed
	 * filter.
	 */
	private record Batch(List<SequenceStateChange> changes, Map<String, Set<Long>> matchingByFilter) {
	}

	private record SubscribedFilter(Condition condition, int subscribers) {
	}

}
