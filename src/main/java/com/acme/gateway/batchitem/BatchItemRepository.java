package com.acme.gateway.batchitem;

import static com.acme.gateway.database.generated.Tables.BATCH_ITEM;

import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import org.jooq.DSLContext;
import org.jooq.Records;

import org.springframework.stereotype.Repository;

/** Reads batch items. */
@Repository
public class BatchItemRepository {

	private final DSLContext dsl;

	public BatchItemRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, BatchItem> findByIds(Set<Long> ids) {
		return this.dsl.select(BATCH_ITEM.ID, BATCH_ITEM.STATUS, BATCH_ITEM.CREATED_AT)
			.from(BATCH_ITEM)
			.where(AnyOf.longs(BATCH_ITEM.ID, ids))
			.fetchMap(BATCH_ITEM.ID, Records.mapping(BatchItem::new));
	}

}
