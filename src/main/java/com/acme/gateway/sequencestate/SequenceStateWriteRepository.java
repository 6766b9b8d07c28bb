package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.MAILBOX;
import static com.acme.gateway.database.generated.Tables.OPPORTUNITY;
import static com.acme.gateway.database.generated.Tables.PROSPECT;
import static com.acme.gateway.database.generated.Tables.SEQUENCE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STEP;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.stream.Stream;

import com.acme.gateway.database.generated.tables.records.SequenceStateRecord;
import com.acme.gateway.sequencestate.SequenceStateTransitions.Action;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import org.springframework.stereotype.Repository;

/**
 * Writes sequence states, each change as a single statement whose WHERE clause carries
 * the rule, so the database decides atomically whether it applies. Callers run these
 * inside a transaction and append the transition history in the same one.
 *
 * <p>
 * Trap: "no row came back" means "refused", and only a second read in the same
 * transaction can say whether the row is missing or in the wrong status; see
 * {@link #findStatus}.
 */
@Repository
public class SequenceStateWriteRepository {

	/**
	 * {@code now()}: the transaction's start time, the same for every row a mutation
	 * writes.
	 */
	private static final Field<OffsetDateTime> NOW = DSL.currentOffsetDateTime();

	private final DSLContext dsl;

	public SequenceStateWriteRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Enrols a prospect with one {@code INSERT … SELECT}: the initial status, the account
	 * and the first step come from the rows the input names, read by the statement that
	 * writes. Empty when a named row is missing or the sequence has no first step: then
	 * nothing was written. A live state already there surfaces as the unique violation of
	 * {@code sequence_state_one_live_per_prospect_and_sequence}.
	 */
	public Optional<SequenceState> insert(NewSequenceState input) {
		Field<SequenceStateStatus> status = DSL
			.when(SEQUENCE.ENABLED, status(SequenceStateTransitions.initialStatus(true)))
			.otherwise(status(SequenceStateTransitions.initialStatus(false)));
		Field<OffsetDateTime> activeAt = DSL.when(SEQUENCE.ENABLED, NOW)
			.otherwise(DSL.inline(null, SQLDataType.TIMESTAMPWITHTIMEZONE));
		return this.dsl
			.insertInto(SEQUENCE_STATE, SEQUENCE_STATE.STATE, SEQUENCE_STATE.PROSPECT_ID, SEQUENCE_STATE.SEQUENCE_ID,
					SEQUENCE_STATE.MAILBOX_ID, SEQUENCE_STATE.OPPORTUNITY_ID, SEQUENCE_STATE.ACCOUNT_ID,
					SEQUENCE_STATE.SEQUENCE_STEP_ID, SEQUENCE_STATE.CREATOR_ID, SEQUENCE_STATE.CREATED_AT,
					SEQUENCE_STATE.UPDATED_AT, SEQUENCE_STATE.STATE_CHANGED_AT, SEQUENCE_STATE.ACTIVE_AT)
			.select(DSL
				.select(status, PROSPECT.ID, SEQUENCE.ID, MAILBOX.ID,
						DSL.val(input.opportunityId(), SQLDataType.BIGINT), PROSPECT.ACCOUNT_ID, SEQUENCE_STEP.ID,
						DSL.val(input.creatorId(), SQLDataType.BIGINT), NOW, NOW, NOW, activeAt)
				.from(PROSPECT, SEQUENCE, MAILBOX, SEQUENCE_STEP)
				.where(PROSPECT.ID.eq(input.prospectId()))
				.and(SEQUENCE.ID.eq(input.sequenceId()))
				.and(MAILBOX.ID.eq(input.mailboxId()))
				.and(SEQUENCE_STEP.SEQUENCE_ID.eq(SEQUENCE.ID))
				.and(SEQUENCE_STEP.STEP_ORDER.eq(1))
				.and(opportunityExists(input.opportunityId())))
			.returning()
			.fetchOptional()
			.map(SequenceState::from);
	}

	/**
	 * Which of the rows a create names exist, for telling the client which one is
	 * missing.
	 */
	CreateReferences findReferences(NewSequenceState input) {
		return this.dsl
			.select(exists(PROSPECT, PROSPECT.ID.eq(input.prospectId())),
					exists(SEQUENCE, SEQUENCE.ID.eq(input.sequenceId())),
					exists(MAILBOX, MAILBOX.ID.eq(input.mailboxId())),
					(input.opportunityId() != null) ? exists(OPPORTUNITY, OPPORTUNITY.ID.eq(input.opportunityId()))
							: DSL.inline(true),
					exists(SEQUENCE_STEP,
							SEQUENCE_STEP.SEQUENCE_ID.eq(input.sequenceId()).and(SEQUENCE_STEP.STEP_ORDER.eq(1))))
			.fetchSingle(Records.mapping(CreateReferences::new));
	}

	/**
	 * Applies {@code action} to state {@code id} if, and only if, its status allows it,
	 * in one {@code UPDATE … FROM (SELECT … FOR UPDATE) previous … RETURNING}. Empty when
	 * the row is missing or its status does not allow the action.
	 *
	 * <p>
	 * Why the locked subquery: PostgreSQL 15's RETURNING shows only the new row, yet the
	 * history needs the status this write replaced. Reading it without the lock could
	 * pair a status that a concurrent, just-committed write already replaced with this
	 * write; the {@code FOR UPDATE} waits for that write and rereads the latest version,
	 * so {@code from} is exactly what this UPDATE overwrote.
	 * @param pauseReason stored by {@link Action#PAUSE} (null clears it); ignored
	 * otherwise
	 */
	public Optional<StateChange> changeState(long id, Action action, String pauseReason) {
		Table<?> previous = DSL.select(SEQUENCE_STATE.ID, SEQUENCE_STATE.STATE)
			.from(SEQUENCE_STATE)
			.where(SEQUENCE_STATE.ID.eq(id))
			.forUpdate()
			.asTable("previous");
		Field<SequenceStateStatus> lockedStatus = previous.field(SEQUENCE_STATE.STATE);
		Field<SequenceStateStatus> previousStatus = lockedStatus.as("previous_state");
		UpdateSetMoreStep<SequenceStateRecord> update = this.dsl.update(SEQUENCE_STATE)
			.set(SEQUENCE_STATE.STATE, SequenceStateTransitions.target(action))
			.set(SEQUENCE_STATE.STATE_CHANGED_AT, NOW)
			.set(SEQUENCE_STATE.UPDATED_AT, NOW);
		// The columns an action sets besides its status (the "also sets" column of the
		// rules).
		if (action == Action.PAUSE) {
			update = update.set(SEQUENCE_STATE.PAUSE_REASON, pauseReason);
		}
		else if (action == Action.RESUME) {
			update = update.set(SEQUENCE_STATE.ACTIVE_AT, NOW);
		}
		SelectField<?>[] returned = Stream.concat(Stream.of(previousStatus), Stream.of(SEQUENCE_STATE.fields()))
			.toArray(SelectField<?>[]::new);
		return update.from(previous)
			.where(SEQUENCE_STATE.ID.eq(previous.field(SEQUENCE_STATE.ID)))
			// The rule is checked on the locked, latest status, not on the version this
			// statement's snapshot saw: a write committed meanwhile must count, or the
			// refusal
			// would report a status that did not cause it.
			.and(lockedStatus.in(SequenceStateTransitions.allowedFrom(action)))
			.returningResult(returned)
			.fetchOptional()
			.map(row -> new StateChange(row.get(previousStatus), SequenceState.from(row)));
	}

	/**
	 * State {@code id}, locked until the transaction ends, so a permission decided on its
	 * creator cannot be undercut by a concurrent change before the delete.
	 */
	public Optional<SequenceState> lockById(long id) {
		return this.dsl.selectFrom(SEQUENCE_STATE)
			.where(SEQUENCE_STATE.ID.eq(id))
			.forUpdate()
			.fetchOptional(SequenceState::from);
	}

	/**
	 * Deletes state {@code id}; returns the status it had, or empty when there was none.
	 */
	public Optional<SequenceStateStatus> delete(long id) {
		return this.dsl.deleteFrom(SEQUENCE_STATE)
			.where(SEQUENCE_STATE.ID.eq(id))
			.returningResult(SEQUENCE_STATE.STATE)
			.fetchOptional(SEQUENCE_STATE.STATE);
	}

	/**
	 * The current status of state {@code id}, read after a refused write to tell
	 * "missing" from "wrong status". Under READ COMMITTED it sees what the refused UPDATE
	 * saw or newer.
	 */
	public Optional<SequenceStateStatus> findStatus(long id) {
		return this.dsl.select(SEQUENCE_STATE.STATE)
			.from(SEQUENCE_STATE)
			.where(SEQUENCE_STATE.ID.eq(id))
			.fetchOptional(SEQUENCE_STATE.STATE);
	}

	private static Field<SequenceStateStatus> status(SequenceStateStatus value) {
		return DSL.inline(value, SEQUENCE_STATE.STATE.getDataType());
	}

	private static Condition opportunityExists(Long opportunityId) {
		return (opportunityId != null)
				? DSL.exists(DSL.selectOne().from(OPPORTUNITY).where(OPPORTUNITY.ID.eq(opportunityId)))
				: DSL.noCondition();
	}

	private static Field<Boolean> exists(Table<?> table, Condition condition) {
		return DSL.field(DSL.exists(DSL.selectOne().from(table).where(condition)));
	}

}
