package com.acme.gateway.sequence;

import static com.acme.gateway.database.generated.Tables.SEQUENCE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STEP;

import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import org.jooq.DSLContext;
import org.jooq.Records;

import org.springframework.stereotype.Repository;

/** Reads sequences and their steps. */
@Repository
public class SequenceRepository {

	private final DSLContext dsl;

	public SequenceRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, Sequence> findByIds(Set<Long> ids) {
		return this.dsl
			.select(SEQUENCE.ID, SEQUENCE.NAME, SEQUENCE.ENABLED, SEQUENCE.SEQUENCE_TYPE, SEQUENCE.OWNER_ID,
					SEQUENCE.CREATED_AT, SEQUENCE.UPDATED_AT)
			.from(SEQUENCE)
			.where(AnyOf.longs(SEQUENCE.ID, ids))
			.fetchMap(SEQUENCE.ID, Records.mapping(Sequence::new));
	}

	public Map<Long, SequenceStep> findStepsByIds(Set<Long> ids) {
		return this.dsl
			.select(SEQUENCE_STEP.ID, SEQUENCE_STEP.SEQUENCE_ID, SEQUENCE_STEP.STEP_TYPE, SEQUENCE_STEP.STEP_ORDER,
					SEQUENCE_STEP.CREATED_AT, SEQUENCE_STEP.UPDATED_AT)
			.from(SEQUENCE_STEP)
			.where(AnyOf.longs(SEQUENCE_STEP.ID, ids))
			.fetchMap(SEQUENCE_STEP.ID, Records.mapping(SequenceStep::new));
	}

}
