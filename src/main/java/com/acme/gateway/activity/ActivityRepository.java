package com.acme.gateway.activity;

import static com.acme.gateway.database.generated.Tables.CALL;
import static com.acme.gateway.database.generated.Tables.MAILING;
import static com.acme.gateway.database.generated.Tables.TASK;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.acme.gateway.database.AnyOf;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;

import org.springframework.stereotype.Repository;

/**
 * Reads the mailings, tasks and calls of sequence states, grouped by state, each list in
 * id order (the order they were created in).
 */
@Repository
public class ActivityRepository {

	private final DSLContext dsl;

	public ActivityRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, List<Mailing>> findMailingsByStateIds(Set<Long> stateIds) {
		return groupBy(mailings(AnyOf.longs(MAILING.SEQUENCE_STATE_ID, stateIds)), Mailing::sequenceStateId);
	}

	/** Mailings not yet delivered, of each state on the step it is on now. */
	public Map<StateStep, List<Mailing>> findUndeliveredMailingsOnStep(Set<StateStep> keys) {
		// Looked up by state only (the indexed column, one array parameter); the few
		// undelivered
		// mailings of earlier steps drop out when grouped by (state, step) and matched to
		// the keys.
		Set<Long> stateIds = keys.stream().map(StateStep::sequenceStateId).collect(Collectors.toSet());
		List<Mailing> rows = mailings(
				AnyOf.longs(MAILING.SEQUENCE_STATE_ID, stateIds).and(MAILING.DELIVERED_AT.isNull()));
		return groupBy(rows, mailing -> new StateStep(mailing.sequenceStateId(), stepOrZero(mailing.sequenceStepId())));
	}

	public Map<Long, List<Task>> findTasksByStateIds(Set<Long> stateIds) {
		return groupBy(tasks(AnyOf.longs(TASK.SEQUENCE_STATE_ID, stateIds)), Task::sequenceStateId);
	}

	/** Incomplete tasks of each state on the step it is on now. */
	public Map<StateStep, List<Task>> findIncompleteTasksOnStep(Set<StateStep> keys) {
		Set<Long> stateIds = keys.stream().map(StateStep::sequenceStateId).collect(Collectors.toSet());
		List<Task> rows = tasks(AnyOf.longs(TASK.SEQUENCE_STATE_ID, stateIds).and(TASK.STATE.eq("incomplete")));
		return groupBy(rows, task -> new StateStep(task.sequenceStateId(), stepOrZero(task.sequenceStepId())));
	}

	public Map<Long, List<Call>> findCallsByStateIds(Set<Long> stateIds) {
		List<Call> rows = this.dsl
			.select(CALL.ID, CALL.SEQUENCE_STATE_ID, CALL.OUTCOME, CALL.COMPLETED_AT, CALL.CREATED_AT, CALL.UPDATED_AT)
			.from(CALL)
			.where(AnyOf.longs(CALL.SEQUENCE_STATE_ID, stateIds))
			.orderBy(CALL.ID)
			.fetch(Records.mapping(Call::new));
		return groupBy(rows, Call::sequenceStateId);
	}

	private List<Mailing> mailings(Condition condition) {
		return this.dsl
			.select(MAILING.ID, MAILING.SEQUENCE_STATE_ID, MAILING.SEQUENCE_STEP_ID, MAILING.STATE, MAILING.SUBJECT,
					MAILING.DELIVERED_AT, MAILING.CREATED_AT, MAILING.UPDATED_AT)
			.from(MAILING)
			.where(condition)
			.orderBy(MAILING.ID)
			.fetch(Records.mapping(Mailing::new));
	}

	private List<Task> tasks(Condition condition) {
		return this.dsl
			.select(TASK.ID, TASK.SEQUENCE_STATE_ID, TASK.SEQUENCE_STEP_ID, TASK.STATE, TASK.ACTION, TASK.DUE_AT,
					TASK.COMPLETED_AT, TASK.CREATED_AT, TASK.UPDATED_AT)
			.from(TASK)
			.where(condition)
			.orderBy(TASK.ID)
			.fetch(Records.mapping(Task::new));
	}

	/** Rows without a step match no state's current step; 0 is never an id. */
	private static long stepOrZero(Long stepId) {
		return (stepId != null) ? stepId : 0L;
	}

	private static <K, T> Map<K, List<T>> groupBy(List<T> rows, Function<T, K> key) {
		// groupingBy keeps each list in encounter order, which is id order from the
		// query.
		return rows.stream().collect(Collectors.groupingBy(key));
	}

}
