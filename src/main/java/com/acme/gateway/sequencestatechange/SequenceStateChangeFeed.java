package com.acme.gateway.sequencestatechange;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.acme.gateway.graphql.LimitExceededException;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import org.springframework.stereotype.Component;

/**
 * The instance's one reader of the change log, fanning each batch out to all its subscribers.
 *
 * <p>{@link #poll()} (called on every NOTIFY and on a timer by {@link ChangeNotificationListener})
 * reads the settled changes after the last batch and publishes them once; every subscriber
 * receives the same batch in memory, so the log is read once per wake-up, not once per
 * subscriber. Each subscriber holds at most {@code bufferSize} batches; one that falls further
 * behind ends with {@code LIMIT_EXCEEDED} instead of slowing the others or growing memory.
 *
 * <p>Resuming ({@code after}): the subscriber is connected to the live batches first, then
 * replays the log after its cursor until the log has nothing more; live batches are then
 * passed on from the first change after the last one replayed. A change published before the
 * connection was settled before the replay read, so the replay has it; one published after is
 * in the live buffer: no gap, and the position check removes the overlap.
 */
@Component
public class SequenceStateChangeFeed {

	private final SequenceStateChangeLog log;

	private final SubscriptionsProperties properties;

	private final Sinks.Many<List<SequenceStateChange>> batches = Sinks.many().multicast().directBestEffort();

	/** The last change published; null until the first poll. Guarded by this. */
	private ChangePosition head;

	public SequenceStateChangeFeed(SequenceStateChangeLog log, SubscriptionsProperties properties) {
		this.log = log;
		this.properties = properties;
	}

	/** Reads the changes settled since the last poll and publishes them to every subscriber. */
	public synchronized void poll() {
		if (this.head == null) {
			this.head = this.log.settledEnd();
			return;
		}
		List<SequenceStateChange> changes;
		do {
			changes = this.log.findSettledAfter(this.head, this.properties.batchSize());
			if (!changes.isEmpty()) {
				this.head = changes.get(changes.size() - 1).position();
				this.batches.tryEmitNext(changes);
			}
		}
		while (changes.size() == this.properties.batchSize());
	}

	/** How many subscriptions of this instance receive the live changes now. */
	public int subscriberCount() {
		return this.batches.currentSubscriberCount();
	}

	private synchronized void start() {
		if (this.head == null) {
			poll();
		}
	}

	/**
	 * The changes after {@code after} (or from now when null) whose row matches {@code filter},
	 * one at a time, replayed from the log and then live.
	 */
	public Flux<SequenceStateChange> changes(ChangePosition after, Condition filter) {
		return Flux.defer(() -> {
			start();
			Sinks.Many<List<SequenceStateChange>> buffer = Sinks.many()
				.unicast()
				.onBackpressureBuffer(Queues.<List<SequenceStateChange>>get(this.properties.bufferSize()).get());
			Disposable connection = this.batches.asFlux().subscribe(batch -> {
				if (buffer.tryEmitNext(batch).isFailure()) {
					buffer.tryEmitError(new LimitExceededException(
							"The subscription fell too far behind the changes and was ended; resume it with the last cursor."));
				}
			});
			AtomicReference<ChangePosition> last = new AtomicReference<>((after != null) ? after : ChangePosition.START);
			Flux<List<SequenceStateChange>> replay = (after != null) ? replay(after) : Flux.empty();
			return replay.concatWith(buffer.asFlux())
				.publishOn(Schedulers.boundedElastic())
				.map(batch -> newer(batch, last))
				.map(batch -> matching(batch, filter))
				.concatMapIterable(batch -> batch)
				.doFinally(signal -> connection.dispose());
		});
	}

	private Flux<List<SequenceStateChange>> replay(ChangePosition after) {
		return Flux.<List<SequenceStateChange>, ChangePosition>generate(() -> after, (position, sink) -> {
			List<SequenceStateChange> changes = this.log.findSettledAfter(position, this.properties.batchSize());
			if (changes.isEmpty()) {
				sink.complete();
				return position;
			}
			sink.next(changes);
			return changes.get(changes.size() - 1).position();
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private static List<SequenceStateChange> newer(List<SequenceStateChange> batch, AtomicReference<ChangePosition> last) {
		List<SequenceStateChange> newer = batch.stream().filter(change -> change.position().isAfter(last.get())).toList();
		if (!newer.isEmpty()) {
			last.set(newer.get(newer.size() - 1).position());
		}
		return newer;
	}

	private List<SequenceStateChange> matching(List<SequenceStateChange> batch, Condition filter) {
		if (batch.isEmpty() || filter.equals(DSL.noCondition())) {
			return batch;
		}
		Set<Long> matching = this.log.findMatching(batch.stream().map(SequenceStateChange::position).toList(), filter);
		return batch.stream().filter(change -> matching.contains(change.position().position())).toList();
	}

}
