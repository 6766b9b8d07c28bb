package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.BATCH_ITEM;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.jooq.Field;
import org.jooq.Table;

/**
 * Items of bulk "add to sequence" actions, spread evenly over the state window; a state
 * created by a batch uses the item of its own time ({@link #batchItemAt}), so the item is
 * never younger than the state it created.
 */
record BatchItemRows(DemoDataShape shape) implements TableRows {

	@Override
	public Table<?> table() {
		return BATCH_ITEM;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(BATCH_ITEM.ID, BATCH_ITEM.STATUS, BATCH_ITEM.CREATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		for (long id = 1; id <= shape.batchItems(); id++) {
			out.id(id)
				.text(RowRandom.hash(RowRandom.Salt.BATCH_ITEM, id) % 20 == 0 ? "partially_failed" : "succeeded")
				.timestamp(createdAt(shape, id))
				.endRow();
		}
	}

	static Instant createdAt(DemoDataShape shape, long batchItemId) {
		return DemoTime.STATES_START
			.plusSeconds((batchItemId - 1) * DemoTime.STATE_WINDOW.toSeconds() / shape.batchItems());
	}

	/**
	 * The batch item covering the moment state {@code stateId} (0-based position) was
	 * created.
	 */
	static long batchItemAt(DemoDataShape shape, long stateId) {
		return (stateId - 1) * shape.batchItems() / shape.states() + 1;
	}
}
