package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import java.util.List;
import java.util.Optional;

import com.acme.gateway.database.KeyedRow;
import com.acme.gateway.database.Keyset;
import com.acme.gateway.database.SortKey;
import com.acme.gateway.database.generated.tables.records.SequenceStateRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

/** Reads sequence states. The only class of this capability that holds a {@link DSLContext}. */
@Repository
public class SequenceStateRepository {

	private final DSLContext dsl;

	public SequenceStateRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Optional<SequenceState> findById(long id) {
		return this.dsl.selectFrom(SEQUENCE_STATE).where(SEQUENCE_STATE.ID.eq(id)).fetchOptional(SequenceState::from);
	}

	/**
	 * One keyset page: the rows matching {@code filter} that come after {@code afterValues}
	 * (all rows when null) in {@code ordering}, reversed when {@code backward}.
	 * @param limit the page size plus one, so the caller learns whether more rows follow
	 * @param filterFirst read every matching row, then sort: for a filter known to match few
	 * rows (a narrow date range) under an order served by another index. PostgreSQL would walk
	 * that other index and filter, assuming matches are spread evenly; when they are not (states
	 * created last March are rarely the most recently updated) it reads most of the table.
	 * {@code offset 0} keeps the planner from merging the subquery into the ordered outer query
	 * (measured on 1,000,000 states: 20 ms instead of 400 ms).
	 */
	public List<KeyedRow<SequenceState>> findPage(Condition filter, SequenceStateOrdering ordering, boolean backward,
			List<?> afterValues, int limit, boolean filterFirst) {
		Condition seek = (afterValues == null) ? DSL.noCondition()
				: Keyset.after(ordering.keys(), afterValues, backward);
		Table<SequenceStateRecord> rows = filterFirst
				? this.dsl.selectFrom(SEQUENCE_STATE).where(filter).and(seek).offset(0).asTable(SEQUENCE_STATE.getName())
				: SEQUENCE_STATE;
		return this.dsl.selectFrom(rows)
			.where(filterFirst ? DSL.noCondition() : filter.and(seek))
			.orderBy(Keyset.orderBy(ordering.keys(), backward))
			.limit(limit)
			.fetch(row -> new KeyedRow<>(SequenceState.from(row.into(SEQUENCE_STATE)), sortValues(ordering, row)));
	}

	public int count(Condition filter) {
		return this.dsl.fetchCount(SEQUENCE_STATE, filter);
	}

	private static List<Object> sortValues(SequenceStateOrdering ordering, Record row) {
		return ordering.keys().stream().<Object>map(key -> ((SortKey<?>) key).valueOf(row)).toList();
	}

}
