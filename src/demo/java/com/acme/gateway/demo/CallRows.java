package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.CALL;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.jooq.Field;
import org.jooq.Table;

/**
 * About half a call per state. The latest call completes exactly at the state's
 * {@code call_completed_at}, so the state and its calls tell the same story.
 */
record CallRows(DemoStates states) implements TableRows {

	@Override
	public Table<?> table() {
		return CALL;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(CALL.ID, CALL.SEQUENCE_STATE_ID, CALL.OUTCOME, CALL.COMPLETED_AT, CALL.CREATED_AT,
				CALL.UPDATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		long id = 0;
		for (long stateId = 1; stateId <= states.shape().states(); stateId++) {
			DemoState state = states.state(stateId);
			if (state.callCount() == 0) {
				continue;
			}
			SplittableRandom random = RowRandom.of(RowRandom.Salt.CALL, stateId);
			for (int i = 0; i < state.callCount(); i++) {
				Instant completedAt = i == 0 ? state.callCompletedAt()
						: DemoTime.between(random, state.createdAt(), state.callCompletedAt());
				Instant startedAt = completedAt.minus(Duration.ofMinutes(15));
				Instant createdAt = DemoTime.between(random,
						startedAt.isBefore(state.createdAt()) ? state.createdAt() : startedAt, completedAt);
				out.id(++id)
					.id(stateId)
					.text(DemoText.CALL_OUTCOMES[random.nextInt(DemoText.CALL_OUTCOMES.length)])
					.timestamp(completedAt)
					.timestamp(createdAt)
					.timestamp(DemoTime.after(random, completedAt, Duration.ofHours(1)))
					.endRow();
			}
		}
	}
}
