package com.acme.gateway.batchitem;

import static com.acme.gateway.database.generated.Tables.BATCH_ITEM;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import com.acme.gateway.database.Columns;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

/** Reads batch items. */
@Repository
public class BatchItemRepository {

	/**
	 * A batch item's columns: the lookup here and the sequence-state queries that join
	 * batch items select them, so both read the same columns into the same record.
	 */
	public static final Columns<BatchItem> BATCH_ITEM_COLUMNS = Columns.of(BATCH_ITEM.ID,
			List.of(entry("id", BATCH_ITEM.ID), entry("status", BATCH_ITEM.STATUS),
					entry("createdAt", BATCH_ITEM.CREATED_AT)),
			row -> new BatchItem(row.get(BATCH_ITEM.ID), row.get(BATCH_ITEM.STATUS), row.get(BATCH_ITEM.CREATED_AT)));

	private final DSLContext dsl;

	public BatchItemRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, BatchItem> findByIds(Set<Long> ids) {
		return this.dsl.select(BATCH_ITEM_COLUMNS.fields())
			.from(BATCH_ITEM)
			.where(AnyOf.longs(BATCH_ITEM.ID, ids))
			.fetchMap(BATCH_ITEM.ID, BATCH_ITEM_COLUMNS::read);
	}

}
