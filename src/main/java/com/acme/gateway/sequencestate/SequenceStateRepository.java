package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import com.acme.gateway.database.KeyedRow;
import com.acme.gateway.database.Keyset;
import com.acme.gateway.database.RenderedQueries;
import com.acme.gateway.database.SortKey;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectJoinStep;
import org.jooq.SelectLimitPercentStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

/**
 * Reads sequence states. The only class of this capability that holds a
 * {@link DSLContext}.
 */
@Repository
public class SequenceStateRepository {

	/**
	 * How many columns a read selects for the state itself, ahead of its links' columns.
	 */
	private static final int STATE_COLUMNS = SEQUENCE_STATE.fields().length;

	private final DSLContext dsl;

	/**
	 * The SQL of the reads, per shape: a page's text depends on the filter's operators,
	 * the order, the page size and the links, not on the values (see
	 * {@link RenderedQueries}).
	 */
	private final RenderedQueries rendered;

	public SequenceStateRepository(DSLContext dsl,
			@Value("${gateway.database.rendered-queries:true}") boolean renderedQueries) {
		this.dsl = dsl;
		this.rendered = new RenderedQueries(1000, renderedQueries);
	}

	/**
	 * The state with this id, with the rows of {@code links} joined into {@code joined}.
	 */
	public Optional<SequenceState> findById(long id, List<SequenceStateLink<?>> links, JoinedLinks joined) {
		links.forEach(joined::joined);
		Condition byId = SEQUENCE_STATE.ID.eq(id);
		return this.rendered
			.query(this.dsl, new ByIdShape(linkShapes(links)), () -> joinLinks(SEQUENCE_STATE, links).where(byId),
					columns(links), this.dsl.extractParams(byId).values())
			.fetchOptional(row -> readState(row, links, joined));
	}

	/**
	 * The states with these ids, in one statement whatever their number; ids without a
	 * state are missing from the map. No links are joined: the fields linking to other
	 * rows load through their DataLoaders, one statement per linked type.
	 */
	public Map<Long, SequenceState> findByIds(Set<Long> ids) {
		Map<Long, SequenceState> found = new HashMap<>(ids.size() * 2);
		for (KeyedRow<SequenceState> row : findPage(AnyOf.longs(SEQUENCE_STATE.ID, ids), SequenceStateOrdering.BY_ID,
				false, null, ids.size(), false, List.of(), new JoinedLinks())) {
			found.put(row.node().id(), row.node());
		}
		return found;
	}

	/** What the text of {@link #findById} depends on. */
	private record ByIdShape(List<Object> links) {
	}

	/**
	 * The links by field name and columns: cheap to compare, where the links' jOOQ fields
	 * are not. The columns compare by identity, each selection's being built once (see
	 * {@link com.acme.gateway.database.Columns#forNames}).
	 */
	private static List<Object> linkShapes(List<SequenceStateLink<?>> links) {
		List<Object> shapes = new ArrayList<>(2 * links.size());
		for (SequenceStateLink<?> link : links) {
			shapes.add(link.field());
			shapes.add(link.columns());
		}
		return shapes;
	}

	/**
	 * What the text of {@link #findPage} depends on: the filter and cursor condition's
	 * own text (its values are bind parameters, so conditions that differ only in values
	 * share it).
	 */
	private record PageShape(String condition, String ordering, boolean backward, int limit, boolean filterFirst,
			List<Object> links) {
	}

	/**
	 * One keyset page: the rows matching {@code filter} that come after
	 * {@code afterValues} (all rows when null) in {@code ordering}, reversed when
	 * {@code backward}.
	 * @param limit the page size plus one, so the caller learns whether more rows follow
	 * @param filterFirst read every matching row, then sort: for a filter known to match
	 * few rows (a narrow date range) under an order served by another index. PostgreSQL
	 * would walk that other index and filter, assuming matches are spread evenly; when
	 * they are not (states created last March are rarely the most recently updated) it
	 * reads most of the table. {@code offset 0} keeps the planner from merging the
	 * subquery into the ordered outer query (measured on 1,000,000 states: 20 ms instead
	 * of 400 ms).
	 * @param links the links to read with the states, into {@code joined}. The page is
	 * cut first and joined after, so each link costs at most one primary-key probe per
	 * row of the page whatever plan finds the page.
	 */
	public List<KeyedRow<SequenceState>> findPage(Condition filter, SequenceStateOrdering ordering, boolean backward,
			List<?> afterValues, int limit, boolean filterFirst, List<SequenceStateLink<?>> links, JoinedLinks joined) {
		Condition seek = (afterValues == null) ? DSL.noCondition()
				: Keyset.after(ordering.keys(), afterValues, backward);
		Condition condition = filter.and(seek);
		links.forEach(joined::joined);
		PageShape shape = new PageShape(this.dsl.render(condition), ordering.signature(), backward, limit, filterFirst,
				linkShapes(links));
		return this.rendered
			.query(this.dsl, shape, () -> pageQuery(condition, ordering, backward, limit, filterFirst, links),
					columns(links), this.dsl.extractParams(condition).values())
			.fetch(row -> new KeyedRow<>(readState(row, links, joined), sortValues(ordering, row)));
	}

	/**
	 * The query of {@link #findPage}; its only bind values are those of
	 * {@code condition}.
	 */
	private Select<Record> pageQuery(Condition condition, SequenceStateOrdering ordering, boolean backward, int limit,
			boolean filterFirst, List<SequenceStateLink<?>> links) {
		// The generated columns, not a derived table's fields(): they render the same for
		// the table
		// and for a derived table named after it, and a result holding these very
		// instances maps
		// to records by identity; other instances are matched by rendering their SQL, per
		// column
		// and row (jOOQ spent half the time of a 50-state page there).
		SelectLimitPercentStep<Record> page = filterFirst
				? this.dsl.select(SEQUENCE_STATE.fields())
					.from(SEQUENCE_STATE)
					.join(filteredPageIds(condition, ordering, backward, limit))
					.using(SEQUENCE_STATE.ID)
					.orderBy(Keyset.orderBy(ordering.keys(), backward))
					.limit(DSL.inline(limit))
				: this.dsl.select(SEQUENCE_STATE.fields())
					.from(SEQUENCE_STATE)
					.where(condition)
					.orderBy(Keyset.orderBy(ordering.keys(), backward))
					.limit(DSL.inline(limit));
		if (links.isEmpty()) {
			return page;
		}
		return joinLinks(page.asTable(SEQUENCE_STATE.getName()), links)
			.orderBy(Keyset.orderBy(ordering.keys(), backward));
	}

	/**
	 * The select list of a read with these links: the state's columns, then each link's.
	 */
	private static List<Field<?>> columns(List<SequenceStateLink<?>> links) {
		List<Field<?>> columns = new ArrayList<>(Arrays.asList(SEQUENCE_STATE.fields()));
		links.forEach(link -> columns.addAll(link.columns().fields()));
		return columns;
	}

	/**
	 * The ids of a filter-first page: every matching row's id and sort keys (behind
	 * {@code offset 0}, see {@link #findPage}), sorted and cut. Only these columns are
	 * read, so an index holding the filter's and the order's columns answers without
	 * visiting the table; the page's rows are then read by id.
	 */
	private Table<Record1<Long>> filteredPageIds(Condition condition, SequenceStateOrdering ordering, boolean backward,
			int limit) {
		Set<Field<?>> columns = new LinkedHashSet<>();
		columns.add(SEQUENCE_STATE.ID);
		ordering.keys().forEach(key -> columns.add(key.field()));
		Table<Record> matching = this.dsl.select(columns)
			.from(SEQUENCE_STATE)
			.where(condition)
			.offset(DSL.inline(0))
			.asTable(SEQUENCE_STATE.getName());
		return this.dsl.select(SEQUENCE_STATE.ID)
			.from(matching)
			.orderBy(Keyset.orderBy(ordering.keys(), backward))
			.limit(DSL.inline(limit))
			.asTable("page");
	}

	public int count(Condition filter) {
		return this.dsl.fetchCount(SEQUENCE_STATE, filter);
	}

	/**
	 * {@code states} (named {@code sequence_state}, so the generated columns address it)
	 * with each link's row beside it, selecting the states' columns and then each link's.
	 * <p>
	 * Each link is a lateral primary-key lookup cut by {@code limit 1} rather than a
	 * plain left join: the limit keeps PostgreSQL from pulling the lookups into one join
	 * search, which for the small linked tables chose hash joins over their whole
	 * contents and spent milliseconds planning (a 50-state page with five links under
	 * pgbench: 600 pages/s joined, 1,050 with lateral lookups, against 940 for the page
	 * plus five batch queries). The lookup is named after its table, so the generated
	 * columns address it too.
	 */
	private SelectJoinStep<Record> joinLinks(Table<?> states, List<SequenceStateLink<?>> links) {
		SelectJoinStep<Record> query = this.dsl.select(columns(links)).from(states);
		for (SequenceStateLink<?> link : links) {
			Table<?> lookup = DSL.select(link.columns().fields())
				.from(link.target())
				.where(link.targetId().eq(link.foreignKey()))
				.limit(DSL.inline(1))
				.asTable(link.target().getName());
			query = query.leftJoin(DSL.lateral(lookup)).on(DSL.trueCondition());
		}
		return query;
	}

	/**
	 * The state of a joined row; each link's record (null when the join found none) goes
	 * to {@code joined}.
	 */
	private static SequenceState readState(Record row, List<SequenceStateLink<?>> links, JoinedLinks joined) {
		SequenceState state = SequenceState.from(row);
		// Each link's columns follow the state's and the previous links' (see
		// columns(links)).
		int first = STATE_COLUMNS;
		for (SequenceStateLink<?> link : links) {
			Long targetId = link.key().apply(state);
			if (targetId != null) {
				joined.put(link, targetId, link.columns().read(row, first));
			}
			first += link.columns().fields().size();
		}
		return state;
	}

	private static List<Object> sortValues(SequenceStateOrdering ordering, Record row) {
		return ordering.keys().stream().<Object>map(key -> ((SortKey<?>) key).valueOf(row)).toList();
	}

}
