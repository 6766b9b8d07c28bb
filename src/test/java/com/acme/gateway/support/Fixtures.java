package com.acme.gateway.support;

import static com.acme.gateway.database.generated.Tables.ACCOUNT;
import static com.acme.gateway.database.generated.Tables.APP_USER;
import static com.acme.gateway.database.generated.Tables.BATCH_ITEM;
import static com.acme.gateway.database.generated.Tables.CALL;
import static com.acme.gateway.database.generated.Tables.MAILBOX;
import static com.acme.gateway.database.generated.Tables.MAILING;
import static com.acme.gateway.database.generated.Tables.OPPORTUNITY;
import static com.acme.gateway.database.generated.Tables.PROSPECT;
import static com.acme.gateway.database.generated.Tables.SEQUENCE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STEP;
import static com.acme.gateway.database.generated.Tables.TASK;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.acme.gateway.database.generated.DefaultSchema;
import com.acme.gateway.database.generated.tables.records.SequenceStateRecord;
import com.acme.gateway.sequencestate.SequenceStateStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Writes test rows straight into the tables, the way other systems of record do, so that
 * tests check the gateway against data it did not write itself. Every method returns the
 * new id.
 */
public class Fixtures {

	private final DSLContext dsl;

	public Fixtures(DSLContext dsl) {
		this.dsl = dsl;
	}

	public DSLContext dsl() {
		return this.dsl;
	}

	/** Empties every table of the data contract and restarts the ids at 1. */
	public void deleteAll() {
		this.dsl.query("truncate {0} restart identity cascade", DSL.list(DefaultSchema.DEFAULT_SCHEMA.getTables()))
			.execute();
	}

	public long user(String email, String role) {
		return this.dsl.insertInto(APP_USER)
			.set(APP_USER.EMAIL, email)
			.set(APP_USER.FIRST_NAME, "First " + email)
			.set(APP_USER.LAST_NAME, "Last " + email)
			.set(APP_USER.ROLE, role)
			.returning(APP_USER.ID)
			.fetchSingle(APP_USER.ID);
	}

	public long account(String name, String domain) {
		return this.dsl.insertInto(ACCOUNT)
			.set(ACCOUNT.NAME, name)
			.set(ACCOUNT.DOMAIN, domain)
			.returning(ACCOUNT.ID)
			.fetchSingle(ACCOUNT.ID);
	}

	public long prospect(Long accountId, String firstName, String lastName, String... emails) {
		return this.dsl.insertInto(PROSPECT)
			.set(PROSPECT.ACCOUNT_ID, accountId)
			.set(PROSPECT.FIRST_NAME, firstName)
			.set(PROSPECT.LAST_NAME, lastName)
			.set(PROSPECT.EMAILS, emails)
			.returning(PROSPECT.ID)
			.fetchSingle(PROSPECT.ID);
	}

	public long sequence(String name, boolean enabled, Long ownerId) {
		return this.dsl.insertInto(SEQUENCE)
			.set(SEQUENCE.NAME, name)
			.set(SEQUENCE.ENABLED, enabled)
			.set(SEQUENCE.SEQUENCE_TYPE, "interval")
			.set(SEQUENCE.OWNER_ID, ownerId)
			.returning(SEQUENCE.ID)
			.fetchSingle(SEQUENCE.ID);
	}

	public long step(long sequenceId, int order, String stepType) {
		return this.dsl.insertInto(SEQUENCE_STEP)
			.set(SEQUENCE_STEP.SEQUENCE_ID, sequenceId)
			.set(SEQUENCE_STEP.STEP_ORDER, order)
			.set(SEQUENCE_STEP.STEP_TYPE, stepType)
			.returning(SEQUENCE_STEP.ID)
			.fetchSingle(SEQUENCE_STEP.ID);
	}

	public long mailbox(String email, Long userId) {
		return this.dsl.insertInto(MAILBOX)
			.set(MAILBOX.EMAIL, email)
			.set(MAILBOX.USER_ID, userId)
			.returning(MAILBOX.ID)
			.fetchSingle(MAILBOX.ID);
	}

	public long opportunity(String name, Long accountId) {
		return this.dsl.insertInto(OPPORTUNITY)
			.set(OPPORTUNITY.NAME, name)
			.set(OPPORTUNITY.ACCOUNT_ID, accountId)
			.returning(OPPORTUNITY.ID)
			.fetchSingle(OPPORTUNITY.ID);
	}

	public long batchItem(String status) {
		return this.dsl.insertInto(BATCH_ITEM)
			.set(BATCH_ITEM.STATUS, status)
			.returning(BATCH_ITEM.ID)
			.fetchSingle(BATCH_ITEM.ID);
	}

	/**
	 * A sequence state of {@code prospectId} in {@code sequenceId}, active by default;
	 * {@code columns} sets anything else on the row before it is inserted.
	 */
	public long state(long prospectId, long sequenceId, Consumer<SequenceStateRecord> columns) {
		SequenceStateRecord row = this.dsl.newRecord(SEQUENCE_STATE);
		row.setProspectId(prospectId);
		row.setSequenceId(sequenceId);
		row.setState(SequenceStateStatus.ACTIVE);
		columns.accept(row);
		row.store();
		return row.getId();
	}

	/**
	 * A state of Ada Lovelace (two emails, of the world's account) in the world's
	 * sequence with every optional link set: account, mailbox, creator, first step, an
	 * opportunity and a batch item; {@code columns} sets anything else on the row.
	 */
	public long fullyLinkedState(World world, Consumer<SequenceStateRecord> columns) {
		long opportunity = opportunity("Renewal", world.account());
		long batchItem = batchItem("succeeded");
		long prospect = prospect(world.account(), "Ada", "Lovelace", "ada@example.com", "ada@acme.example");
		return state(prospect, world.sequence(), row -> {
			row.setAccountId(world.account());
			row.setMailboxId(world.mailbox());
			row.setCreatorId(world.user());
			row.setSequenceStepId(world.firstStep());
			row.setOpportunityId(opportunity);
			row.setBatchItemCreatorId(batchItem);
			columns.accept(row);
		});
	}

	public long mailing(long stateId, Long stepId, String state, OffsetDateTime deliveredAt) {
		return this.dsl.insertInto(MAILING)
			.set(MAILING.SEQUENCE_STATE_ID, stateId)
			.set(MAILING.SEQUENCE_STEP_ID, stepId)
			.set(MAILING.STATE, state)
			.set(MAILING.SUBJECT, "Subject of " + state + " mailing")
			.set(MAILING.DELIVERED_AT, deliveredAt)
			.returning(MAILING.ID)
			.fetchSingle(MAILING.ID);
	}

	public long task(long stateId, Long stepId, String state, OffsetDateTime dueAt) {
		return this.dsl.insertInto(TASK)
			.set(TASK.SEQUENCE_STATE_ID, stateId)
			.set(TASK.SEQUENCE_STEP_ID, stepId)
			.set(TASK.STATE, state)
			.set(TASK.ACTION, "call")
			.set(TASK.DUE_AT, dueAt)
			.returning(TASK.ID)
			.fetchSingle(TASK.ID);
	}

	public long call(long stateId, String outcome) {
		return this.dsl.insertInto(CALL)
			.set(CALL.SEQUENCE_STATE_ID, stateId)
			.set(CALL.OUTCOME, outcome)
			.returning(CALL.ID)
			.fetchSingle(CALL.ID);
	}

	/**
	 * One of each related row, for tests that need states but not particular relations.
	 */
	public World world() {
		long user = user("rep@example.com", "rep");
		long account = account("Acme", "acme.example");
		long sequence = sequence("Outreach", true, user);
		long firstStep = step(sequence, 1, "auto_email");
		long secondStep = step(sequence, 2, "call");
		long mailbox = mailbox("rep@acme.example", user);
		return new World(user, account, sequence, firstStep, secondStep, mailbox);
	}

	/**
	 * {@code count} active states in the world's sequence, each of its own prospect (a
	 * prospect has one live state per sequence), fully linked; returns their ids in
	 * insertion order.
	 */
	public List<Long> states(World world, int count) {
		List<Long> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long prospect = prospect(world.account(), "Prospect", "No" + i, "p" + i + "@acme.example");
			ids.add(state(prospect, world.sequence(), row -> {
				row.setAccountId(world.account());
				row.setMailboxId(world.mailbox());
				row.setCreatorId(world.user());
				row.setSequenceStepId(world.firstStep());
			}));
		}
		return ids;
	}

	/** Ids of the rows {@link #world()} wrote. */
	public record World(long user, long account, long sequence, long firstStep, long secondStep, long mailbox) {
	}

}
