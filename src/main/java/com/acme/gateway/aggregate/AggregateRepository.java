package com.acme.gateway.aggregate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

/**
 * Reads aggregates and groups of sequence states: one statement per aggregate, per page
 * of groups and per group count. The only class of this capability holding a
 * {@link DSLContext}; its statements run under the statement timeout like every other.
 */
@Repository
public class AggregateRepository {

	private static final Field<Integer> COUNT = DSL.count().as("count");

	private final DSLContext dsl;

	public AggregateRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The selected aggregates over the states matching {@code filter}: always exactly one
	 * row.
	 */
	Map<String, Object> aggregate(Condition filter, AggregateSelection selection) {
		List<Field<?>> columns = new ArrayList<>();
		columns.add(COUNT);
		columns.addAll(selection.fields());
		Record row = this.dsl.select(columns).from(SEQUENCE_STATE).where(filter).fetchSingle();
		return selection.read(row, COUNT);
	}

	/**
	 * One page of groups: {@code limit} groups from position {@code offset} of the
	 * grouping's total order. PostgreSQL must aggregate every group before it can order
	 * them by an aggregate, so a keyset over the groups would save only the final sort of
	 * the groups, not the reading of the states; offset paging costs about the same and
	 * needs no cursor values per order.
	 */
	List<SequenceStateGroup> page(Grouping grouping, AggregateSelection selection, int offset, int limit) {
		List<Field<?>> columns = new ArrayList<>();
		List<Field<?>> keys = new ArrayList<>();
		for (int i = 0; i < grouping.keys().size(); i++) {
			Field<?> key = grouping.keys().get(i).expression().as("k" + i);
			columns.add(key);
			keys.add(grouping.keys().get(i).expression());
		}
		columns.add(COUNT);
		columns.addAll(selection.fields());
		return this.dsl.select(columns)
			.from(SEQUENCE_STATE)
			.where(grouping.filter())
			.groupBy(keys)
			.having(grouping.having())
			.orderBy(grouping.order())
			// Inlined, not bound: with a bound limit PostgreSQL's generic plan (used
			// after five runs of
			// a prepared statement) sorts every group in parallel, where a literal limit
			// lets it walk
			// an index in key order and stop after the page (SEQUENCE x STATE on
			// 1,000,000 states).
			.limit(DSL.inline(limit))
			.offset(DSL.inline(offset))
			.fetch(row -> new SequenceStateGroup(keysOf(row, grouping), selection.read(row, COUNT)));
	}

	/** How many groups the grouping has after HAVING. */
	int count(Grouping grouping) {
		return this.dsl.fetchCount(this.dsl.select(DSL.inline(1))
			.from(SEQUENCE_STATE)
			.where(grouping.filter())
			.groupBy(grouping.keys().stream().map(GroupKey::expression).toList())
			.having(grouping.having()));
	}

	private static SequenceStateGroupKeys keysOf(Record row, Grouping grouping) {
		Map<GroupField, Object> values = new EnumMap<>(GroupField.class);
		for (int i = 0; i < grouping.keys().size(); i++) {
			values.put(grouping.keys().get(i).field(), row.get(i));
		}
		return SequenceStateGroupKeys.of(values);
	}

}
