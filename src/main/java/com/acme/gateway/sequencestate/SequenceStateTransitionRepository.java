package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE_TRANSITION;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.acme.gateway.database.AnyOf;
import org.jooq.DSLContext;
import org.jooq.Records;

import org.springframework.stereotype.Repository;

/**
 * Appends to and reads the transition history of sequence states.
 *
 * <p>
 * Contract: {@link #append} runs in the transaction of the write it records, after that
 * write took the state's row lock; the lock serialises every change of one state, so the
 * ids of one state's history rows follow the order its changes were committed in, and id
 * order is the true order even when two transactions' {@code now()} times are out of
 * step.
 */
@Repository
public class SequenceStateTransitionRepository {

	private final DSLContext dsl;

	public SequenceStateTransitionRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Records one change; {@code occurred_at} defaults to the transaction's
	 * {@code now()}.
	 */
	public void append(long stateId, SequenceStateStatus from, SequenceStateStatus to, String reason, Long actorId) {
		this.dsl.insertInto(SEQUENCE_STATE_TRANSITION)
			.set(SEQUENCE_STATE_TRANSITION.SEQUENCE_STATE_ID, stateId)
			.set(SEQUENCE_STATE_TRANSITION.FROM_STATE, from)
			.set(SEQUENCE_STATE_TRANSITION.TO_STATE, to)
			.set(SEQUENCE_STATE_TRANSITION.REASON, reason)
			.set(SEQUENCE_STATE_TRANSITION.ACTOR_ID, actorId)
			.execute();
	}

	/**
	 * Each state's history, oldest first, in one query for the whole batch. Deletion rows
	 * are left out: a state read just before a concurrent delete shows the history it had
	 * then.
	 */
	public Map<Long, List<SequenceStateTransition>> findByStateIds(Set<Long> stateIds) {
		return this.dsl
			.select(SEQUENCE_STATE_TRANSITION.ID, SEQUENCE_STATE_TRANSITION.SEQUENCE_STATE_ID,
					SEQUENCE_STATE_TRANSITION.FROM_STATE, SEQUENCE_STATE_TRANSITION.TO_STATE,
					SEQUENCE_STATE_TRANSITION.REASON, SEQUENCE_STATE_TRANSITION.ACTOR_ID,
					SEQUENCE_STATE_TRANSITION.OCCURRED_AT)
			.from(SEQUENCE_STATE_TRANSITION)
			.where(AnyOf.longs(SEQUENCE_STATE_TRANSITION.SEQUENCE_STATE_ID, stateIds))
			.and(SEQUENCE_STATE_TRANSITION.TO_STATE.isNotNull())
			.orderBy(SEQUENCE_STATE_TRANSITION.ID)
			.fetch(Records.mapping(SequenceStateTransition::new))
			.stream()
			// groupingBy keeps each list in encounter order, which is id order from the
			// query.
			.collect(Collectors.groupingBy(SequenceStateTransition::sequenceStateId));
	}

}
