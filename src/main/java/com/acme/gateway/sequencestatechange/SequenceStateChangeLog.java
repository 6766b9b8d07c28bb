package com.acme.gateway.sequencestatechange;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE_CHANGE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE_TRANSITION;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.acme.gateway.database.generated.tables.SequenceStateChange;
import com.acme.gateway.database.generated.tables.SequenceStateTransition;
import com.acme.gateway.sequencestate.SequenceState;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import org.springframework.stereotype.Repository;

/**
 * Reads and prunes {@code sequence_state_change}, the log the database's trigger writes
 * for every change of a sequence state.
 *
 * <p>
 * The log is read under the alias {@code sequence_state}: its state columns carry the
 * names of {@code sequence_state}'s, so the conditions of the query
 * {@code sequenceStates} and {@link SequenceState#from} apply to it unchanged, against
 * the row as the change left it.
 *
 * <p>
 * Reads return only settled changes: those of transactions below the oldest one still
 * running that could write to this database (see {@link #SNAPSHOT_XMIN}), which have all
 * ended, so no change can later appear before them.
 */
@Repository
public class SequenceStateChangeLog {

	/** The log under the name of the table whose rows it copies. */
	private static final SequenceStateChange CHANGE = SEQUENCE_STATE_CHANGE.as(SEQUENCE_STATE.getUnqualifiedName());

	private static final SequenceStateTransition TRANSITION = SEQUENCE_STATE_TRANSITION.as("change_transition");

	/**
	 * The oldest transaction still running that could write to this database's log, as a
	 * bigint: the snapshot's xmin, leaving out the transactions known to run in other
	 * databases of the cluster. PostgreSQL's xmin is cluster-wide, so without that a long
	 * transaction in another database (a migration, a {@code drop database}, a report)
	 * would hold every subscriber back until it ended. A running transaction is left out
	 * only when {@code pg_stat_activity} (or {@code pg_prepared_xacts}) names its xid
	 * with another database; one it cannot see (a role without {@code pg_read_all_stats}
	 * sees no other user's xid) still counts, which is only slower, never unsafe: a
	 * transaction cannot change databases.
	 */
	private static final Field<Long> SNAPSHOT_XMIN = DSL.field("""
			(select coalesce(
			          (select min(running.xid::text::bigint)
			             from pg_snapshot_xip(current.snapshot) as running(xid)
			            where running.xid::xid <> all (array(
			                    select backend_xid from pg_stat_activity
			                     where backend_xid is not null and datname is distinct from current_database()
			                    union all
			                    select transaction from pg_prepared_xacts where database <> current_database()))),
			          pg_snapshot_xmax(current.snapshot)::text::bigint)
			   from (select pg_current_snapshot() as snapshot) as current)""", SQLDataType.BIGINT);

	/**
	 * Filters evaluated by one statement of {@link #findMatchingEach}: each may hold up
	 * to {@code gateway.filter.max-conditions} conditions, so this bounds one statement's
	 * size.
	 */
	static final int FILTERS_PER_STATEMENT = 100;

	private final DSLContext dsl;

	public SequenceStateChangeLog(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Up to {@code limit} settled changes after {@code after}, in feed order
	 * ({@code (xid, position)}).
	 */
	public List<com.acme.gateway.sequencestatechange.SequenceStateChange> findSettledAfter(ChangePosition after,
			int limit) {
		List<SelectField<?>> columns = new ArrayList<>(List.of(SEQUENCE_STATE.fields()));
		columns.addAll(List.of(CHANGE.CHANGE_XID, CHANGE.CHANGE_POSITION, CHANGE.CHANGE_KIND, CHANGE.CHANGED_AT,
				TRANSITION.ID, TRANSITION.FROM_STATE, TRANSITION.TO_STATE, TRANSITION.REASON, TRANSITION.ACTOR_ID,
				TRANSITION.OCCURRED_AT));
		return this.dsl.select(columns)
			.from(CHANGE)
			.leftJoin(TRANSITION)
			.on(TRANSITION.ID.eq(CHANGE.TRANSITION_ID))
			.where(DSL.row(CHANGE.CHANGE_XID, CHANGE.CHANGE_POSITION).gt(after.xid(), after.position()))
			.and(CHANGE.CHANGE_XID.lt(SNAPSHOT_XMIN))
			.orderBy(CHANGE.CHANGE_XID, CHANGE.CHANGE_POSITION)
			.limit(limit)
			.fetch(SequenceStateChangeLog::readChange);
	}

	/** Where the settled part of the log ends now: every later change sorts after it. */
	public ChangePosition settledEnd() {
		return ChangePosition.afterTransactionsBelow(this.dsl.select(SNAPSHOT_XMIN).fetchSingle().value1());
	}

	/** Of {@code changes}, the positions of those whose row matches {@code filter}. */
	public Set<Long> findMatching(Collection<ChangePosition> changes, Condition filter) {
		return findMatchingEach(changes, List.of(filter)).get(0);
	}

	/**
	 * For each of {@code filters}, in their order, the positions of {@code changes} whose
	 * row matches it: one boolean column per filter, {@value #FILTERS_PER_STATEMENT}
	 * filters per statement, instead of a statement per filter.
	 */
	public List<Set<Long>> findMatchingEach(Collection<ChangePosition> changes, List<Condition> filters) {
		List<Set<Long>> matching = new ArrayList<>(filters.size());
		filters.forEach(filter -> matching.add(new HashSet<>()));
		if (changes.isEmpty()) {
			return matching;
		}
		Long[] positions = changes.stream().map(ChangePosition::position).toArray(Long[]::new);
		for (int first = 0; first < filters.size(); first += FILTERS_PER_STATEMENT) {
			List<Condition> chunk = filters.subList(first, Math.min(filters.size(), first + FILTERS_PER_STATEMENT));
			List<SelectField<?>> columns = new ArrayList<>(chunk.size() + 1);
			columns.add(CHANGE.CHANGE_POSITION);
			chunk.forEach(filter -> columns.add(DSL.field(filter)));
			for (Record row : this.dsl.select(columns)
				.from(CHANGE)
				.where(CHANGE.CHANGE_POSITION.eq(DSL.any(positions)))) {
				long position = row.get(CHANGE.CHANGE_POSITION);
				for (int i = 0; i < chunk.size(); i++) {
					// A condition that is null for the row (SQL's unknown) does not
					// match, as in a where.
					if (Boolean.TRUE.equals(row.get(i + 1, Boolean.class))) {
						matching.get(first + i).add(position);
					}
				}
			}
		}
		return matching;
	}

	/**
	 * The SQL of {@code filter} with its values inlined: two filters with the same key
	 * are the same.
	 */
	public String keyOf(Condition filter) {
		return this.dsl.renderInlined(filter);
	}

	/** Deletes the changes made before {@code before}; returns how many. */
	public int deleteChangedBefore(OffsetDateTime before) {
		return this.dsl.deleteFrom(SEQUENCE_STATE_CHANGE).where(SEQUENCE_STATE_CHANGE.CHANGED_AT.lt(before)).execute();
	}

	private static com.acme.gateway.sequencestatechange.SequenceStateChange readChange(Record row) {
		Long transitionId = row.get(TRANSITION.ID);
		com.acme.gateway.sequencestate.SequenceStateTransition transition = (transitionId == null) ? null
				: new com.acme.gateway.sequencestate.SequenceStateTransition(transitionId, row.get(SEQUENCE_STATE.ID),
						row.get(TRANSITION.FROM_STATE), row.get(TRANSITION.TO_STATE), row.get(TRANSITION.REASON),
						row.get(TRANSITION.ACTOR_ID), row.get(TRANSITION.OCCURRED_AT));
		return new com.acme.gateway.sequencestatechange.SequenceStateChange(
				new ChangePosition(row.get(CHANGE.CHANGE_XID), row.get(CHANGE.CHANGE_POSITION)),
				SequenceStateChangeKind.valueOf(row.get(CHANGE.CHANGE_KIND)), row.get(SEQUENCE_STATE.ID),
				row.get(CHANGE.CHANGED_AT), SequenceState.from(row), transition);
	}

}
