package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.SEQUENCE;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.jooq.Field;
import org.jooq.Table;

/**
 * Sequences owned by users: about 15% disabled, a quarter date-based, the rest
 * interval-based.
 */
record SequenceRows(DemoDataShape shape) implements TableRows {

	@Override
	public Table<?> table() {
		return SEQUENCE;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(SEQUENCE.ID, SEQUENCE.NAME, SEQUENCE.ENABLED, SEQUENCE.SEQUENCE_TYPE, SEQUENCE.OWNER_ID,
				SEQUENCE.CREATED_AT, SEQUENCE.UPDATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		for (long id = 1; id <= shape.sequences(); id++) {
			SplittableRandom random = RowRandom.of(RowRandom.Salt.SEQUENCE, id);
			Instant createdAt = createdAt(random);
			out.id(id)
				.text(DemoText.SEQUENCE_TOPICS[(int) ((id - 1) % DemoText.SEQUENCE_TOPICS.length)] + " " + id)
				.bool(random.nextInt(100) >= 15)
				.text(random.nextInt(4) == 0 ? "date" : "interval")
				.id(1 + random.nextLong(shape.users()))
				.timestamp(createdAt)
				.timestamp(DemoTime.after(random, createdAt, Duration.ofDays(400)))
				.endRow();
		}
	}

	/**
	 * The first draw of the sequence's stream, so its steps can be created right after
	 * it.
	 */
	static Instant createdAt(long sequenceId) {
		return createdAt(RowRandom.of(RowRandom.Salt.SEQUENCE, sequenceId));
	}

	private static Instant createdAt(SplittableRandom freshSequenceRandom) {
		return DemoTime.referenceDataCreatedAt(freshSequenceRandom);
	}
}
