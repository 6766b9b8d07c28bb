package com.acme.gateway.sequence;

import static com.acme.gateway.database.generated.Tables.SEQUENCE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STEP;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import com.acme.gateway.database.Columns;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

/** Reads sequences and their steps. */
@Repository
public class SequenceRepository {

	/**
	 * A sequence's and a step's columns: the lookups here and the sequence-state queries
	 * that join sequences and steps select them, so both read the same columns into the
	 * same records.
	 */
	public static final Columns<Sequence> SEQUENCE_COLUMNS = Columns.of(SEQUENCE.ID,
			List.of(entry("id", SEQUENCE.ID), entry("name", SEQUENCE.NAME), entry("enabled", SEQUENCE.ENABLED),
					entry("sequenceType", SEQUENCE.SEQUENCE_TYPE), entry("owner", SEQUENCE.OWNER_ID),
					entry("createdAt", SEQUENCE.CREATED_AT), entry("updatedAt", SEQUENCE.UPDATED_AT)),
			row -> new Sequence(row.get(SEQUENCE.ID), row.get(SEQUENCE.NAME), row.get(SEQUENCE.ENABLED),
					row.get(SEQUENCE.SEQUENCE_TYPE), row.get(SEQUENCE.OWNER_ID), row.get(SEQUENCE.CREATED_AT),
					row.get(SEQUENCE.UPDATED_AT)));

	public static final Columns<SequenceStep> SEQUENCE_STEP_COLUMNS = Columns.of(SEQUENCE_STEP.ID,
			List.of(entry("id", SEQUENCE_STEP.ID), entry("sequence", SEQUENCE_STEP.SEQUENCE_ID),
					entry("stepType", SEQUENCE_STEP.STEP_TYPE), entry("order", SEQUENCE_STEP.STEP_ORDER),
					entry("createdAt", SEQUENCE_STEP.CREATED_AT), entry("updatedAt", SEQUENCE_STEP.UPDATED_AT)),
			row -> new SequenceStep(row.get(SEQUENCE_STEP.ID), row.get(SEQUENCE_STEP.SEQUENCE_ID),
					row.get(SEQUENCE_STEP.STEP_TYPE), row.get(SEQUENCE_STEP.STEP_ORDER),
					row.get(SEQUENCE_STEP.CREATED_AT), row.get(SEQUENCE_STEP.UPDATED_AT)));

	private final DSLContext dsl;

	public SequenceRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, Sequence> findByIds(Set<Long> ids) {
		return this.dsl.select(SEQUENCE_COLUMNS.fields())
			.from(SEQUENCE)
			.where(AnyOf.longs(SEQUENCE.ID, ids))
			.fetchMap(SEQUENCE.ID, SEQUENCE_COLUMNS::read);
	}

	public Map<Long, SequenceStep> findStepsByIds(Set<Long> ids) {
		return this.dsl.select(SEQUENCE_STEP_COLUMNS.fields())
			.from(SEQUENCE_STEP)
			.where(AnyOf.longs(SEQUENCE_STEP.ID, ids))
			.fetchMap(SEQUENCE_STEP.ID, SEQUENCE_STEP_COLUMNS::read);
	}

}
