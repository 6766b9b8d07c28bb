package com.acme.gateway.sequencestate;

import java.time.OffsetDateTime;

import com.acme.gateway.support.Fixtures;

/**
 * Six sequence states with hand-picked values, so filter tests can write their expected
 * ids out by hand. Ids restart at 1 for every test, so state N below has id N.
 *
 * <pre>
 * id state      prospect  sequence  step        account mailbox   created    updated    activeAt bounce deliver errorReason          pauseReason
 * 1  ACTIVE     1 ada     1 Outreach 1 (1 email) 1       1 rep@x   2024-01-01 2024-01-05 set      0      5       -                    -
 * 2  PAUSED     2 bob     1 Outreach 2 (2 call)  1       2 ops@y   2024-01-02 2024-01-03 set      1      5       -                    Out of Office
 * 3  FINISHED   3 cy      1 Outreach 2 (2 call)  2       1 rep@x   2024-01-03 2024-01-09 set      2      0       -                    -
 * 4  PENDING    1 ada     2 Renewal  3 (1 task)  1       -         2024-01-04 2024-01-04 -        0      3       -                    -
 * 5  FAILED     2 bob     2 Renewal  3 (1 task)  1       2 ops@y   2024-01-05 2024-01-09 -        3      1       Mailbox 50% full_    -
 * 6  OPTED_OUT  4 dee     2 Renewal  -           -       1 rep@x   2024-01-06 2024-01-05 -        0      2       -                    -
 * </pre> Sequence 1 is enabled, type interval, created 2023-01-01; sequence 2 disabled,
 * type date, created 2023-06-01. Opportunity 1 is on state 1. Tasks: 1 and 2 on state 1
 * (due 2024-02-01 10:00 and 15:00), 3 on state 3 (due 2024-02-02 09:00), 4 on no state
 * (due 2024-02-01 12:00). Calls: 1 and 2 on state 2, 3 on state 5.
 */
final class FilterFixture {

	static final OffsetDateTime JAN_1 = OffsetDateTime.parse("2024-01-01T00:00:00Z");

	private FilterFixture() {
	}

	static void write(Fixtures fixtures) {
		long user = fixtures.user("rep@example.com", "rep");
		long acme = fixtures.account("Acme", "x.example");
		long globex = fixtures.account("Globex", "y.example");
		long ada = fixtures.prospect(acme, "Ada", "Lovelace", "ada@x.example", "ada@home.example");
		long bob = fixtures.prospect(acme, "Bob", "Builder", "bob@x.example");
		long cy = fixtures.prospect(globex, "Cy", "Young");
		long dee = fixtures.prospect(null, "Dee", "Nobody", "dee@z.example");
		long outreach = fixtures.sequence("Outreach", true, user);
		long renewal = fixtures.sequence("Renewal", false, user);
		fixtures.dsl()
			.update(com.acme.gateway.database.generated.Tables.SEQUENCE)
			.set(com.acme.gateway.database.generated.Tables.SEQUENCE.SEQUENCE_TYPE, "date")
			.set(com.acme.gateway.database.generated.Tables.SEQUENCE.CREATED_AT,
					OffsetDateTime.parse("2023-06-01T00:00:00Z"))
			.where(com.acme.gateway.database.generated.Tables.SEQUENCE.ID.eq(renewal))
			.execute();
		fixtures.dsl()
			.update(com.acme.gateway.database.generated.Tables.SEQUENCE)
			.set(com.acme.gateway.database.generated.Tables.SEQUENCE.CREATED_AT,
					OffsetDateTime.parse("2023-01-01T00:00:00Z"))
			.where(com.acme.gateway.database.generated.Tables.SEQUENCE.ID.eq(outreach))
			.execute();
		long email = fixtures.step(outreach, 1, "auto_email");
		long call = fixtures.step(outreach, 2, "call");
		long task = fixtures.step(renewal, 1, "task");
		long rep = fixtures.mailbox("rep@x.example", user);
		long ops = fixtures.mailbox("ops@y.example", user);
		long deal = fixtures.opportunity("Deal", acme);

		state(fixtures, ada, outreach, SequenceStateStatus.ACTIVE, email, acme, rep, 1, 5, true, 0, 5, null, null,
				deal);
		state(fixtures, bob, outreach, SequenceStateStatus.PAUSED, call, acme, ops, 2, 3, true, 1, 5, null,
				"Out of Office", null);
		state(fixtures, cy, outreach, SequenceStateStatus.FINISHED, call, globex, rep, 3, 9, true, 2, 0, null, null,
				null);
		state(fixtures, ada, renewal, SequenceStateStatus.PENDING, task, acme, null, 4, 4, false, 0, 3, null, null,
				null);
		state(fixtures, bob, renewal, SequenceStateStatus.FAILED, task, acme, ops, 5, 9, false, 3, 1,
				"Mailbox 50% full_", null, null);
		state(fixtures, dee, renewal, SequenceStateStatus.OPTED_OUT, null, null, rep, 6, 5, false, 0, 2, null, null,
				null);

		fixtures.task(1, email, "incomplete", OffsetDateTime.parse("2024-02-01T10:00:00Z"));
		fixtures.task(1, email, "incomplete", OffsetDateTime.parse("2024-02-01T15:00:00Z"));
		fixtures.task(3, call, "complete", OffsetDateTime.parse("2024-02-02T09:00:00Z"));
		long orphan = fixtures.task(1, null, "incomplete", OffsetDateTime.parse("2024-02-01T12:00:00Z"));
		fixtures.dsl()
			.update(com.acme.gateway.database.generated.Tables.TASK)
			.setNull(com.acme.gateway.database.generated.Tables.TASK.SEQUENCE_STATE_ID)
			.where(com.acme.gateway.database.generated.Tables.TASK.ID.eq(orphan))
			.execute();
		fixtures.call(2, "answered");
		fixtures.call(2, "voicemail");
		fixtures.call(5, "no_answer");
	}

	private static void state(Fixtures fixtures, long prospect, long sequence, SequenceStateStatus status, Long step,
			Long account, Long mailbox, int createdDay, int updatedDay, boolean active, int bounces, int delivered,
			String errorReason, String pauseReason, Long opportunity) {
		fixtures.state(prospect, sequence, row -> {
			row.setState(status);
			row.setSequenceStepId(step);
			row.setAccountId(account);
			row.setMailboxId(mailbox);
			row.setCreatedAt(JAN_1.plusDays(createdDay - 1));
			row.setUpdatedAt(JAN_1.plusDays(updatedDay - 1));
			row.setActiveAt(active ? JAN_1.plusDays(createdDay - 1).plusHours(1) : null);
			row.setBounceCount(bounces);
			row.setDeliverCount(delivered);
			row.setErrorReason(errorReason);
			row.setPauseReason(pauseReason);
			row.setOpportunityId(opportunity);
		});
	}

}
