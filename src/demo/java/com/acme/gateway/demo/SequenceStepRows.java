package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STEP;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.jooq.Field;
import org.jooq.Table;

/**
 * The steps of every sequence, step_order 1..k, in the ids {@link SequenceLayout}
 * computes.
 */
record SequenceStepRows(DemoDataShape shape, SequenceLayout layout) implements TableRows {

	@Override
	public Table<?> table() {
		return SEQUENCE_STEP;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(SEQUENCE_STEP.ID, SEQUENCE_STEP.SEQUENCE_ID, SEQUENCE_STEP.STEP_TYPE, SEQUENCE_STEP.STEP_ORDER,
				SEQUENCE_STEP.CREATED_AT, SEQUENCE_STEP.UPDATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		long id = 0;
		for (long sequenceId = 1; sequenceId <= shape.sequences(); sequenceId++) {
			Instant sequenceCreatedAt = SequenceRows.createdAt(sequenceId);
			for (int order = 1; order <= layout.stepCount(sequenceId); order++) {
				id++;
				if (id != layout.stepId(sequenceId, order)) {
					throw new IllegalStateException("step ids out of line with SequenceLayout at " + id);
				}
				SplittableRandom random = RowRandom.of(RowRandom.Salt.SEQUENCE_STEP, id);
				Instant createdAt = DemoTime.after(random, sequenceCreatedAt, Duration.ofDays(2));
				out.id(id)
					.id(sequenceId)
					.text(SequenceLayout.stepType(id, order))
					.integer(order)
					.timestamp(createdAt)
					.timestamp(DemoTime.after(random, createdAt, Duration.ofDays(200)))
					.endRow();
			}
		}
	}
}
