package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.TASK;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.jooq.Field;
import org.jooq.Table;

/**
 * About one task per state (0 to 2). The last task is on the current step; for live
 * states it is often still incomplete, which is what {@code activeStepTasks} returns.
 *
 * <p>
 * {@code due_at} follows the state's creation (3 days per step plus up to 5 days), so due
 * dates spread over the whole two years (about 1,300 a day at a million states) and may
 * lie after {@link DemoTime#REFERENCE} for incomplete tasks; a one-day window is a
 * selective filter, not a scan.
 */
record TaskRows(DemoStates states) implements TableRows {

	@Override
	public Table<?> table() {
		return TASK;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(TASK.ID, TASK.SEQUENCE_STATE_ID, TASK.SEQUENCE_STEP_ID, TASK.STATE, TASK.ACTION, TASK.DUE_AT,
				TASK.COMPLETED_AT, TASK.CREATED_AT, TASK.UPDATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		long id = 0;
		for (long stateId = 1; stateId <= states.shape().states(); stateId++) {
			DemoState state = states.state(stateId);
			SplittableRandom random = RowRandom.of(RowRandom.Salt.TASK, stateId);
			int percentile = random.nextInt(100);
			int count = percentile < 20 ? 0 : percentile < 85 ? 1 : 2;
			for (int i = 0; i < count; i++) {
				boolean onCurrentStep = i == count - 1;
				int order = onCurrentStep ? state.stepOrder() : 1 + random.nextInt(state.stepOrder());
				long stepId = states.layout().stepId(state.sequenceId(), order);
				boolean incomplete = onCurrentStep && state.live() && random.nextInt(10) < 6;
				Instant stepStart = state.createdAt().plus(Duration.ofDays(3L * (order - 1)));
				// Not clamped to the reference instant: open tasks may be due in the
				// future.
				Instant dueAt = stepStart.plusSeconds(random.nextLong(Duration.ofDays(5).toSeconds()));
				Instant createdAt = DemoTime.between(random, state.createdAt(), stepStart);
				Instant completedAt = incomplete ? null
						: DemoTime.between(random, createdAt, dueAt.plus(Duration.ofDays(2)));
				out.id(++id)
					.id(stateId)
					.id(stepId)
					.text(incomplete ? "incomplete" : "complete")
					.text(action(SequenceLayout.stepType(stepId, order)))
					.timestamp(dueAt)
					.timestamp(completedAt)
					.timestamp(createdAt)
					.timestamp(
							DemoTime.after(random, completedAt != null ? completedAt : createdAt, Duration.ofDays(1)))
					.endRow();
			}
		}
	}

	private static String action(String stepType) {
		return switch (stepType) {
			case "call" -> "call";
			case "manual_email" -> "email";
			default -> "action_item";
		};
	}
}
