package com.acme.gateway.aggregate;

import java.time.OffsetDateTime;

import com.acme.gateway.sequencestate.SequenceStateStatus;
import com.acme.gateway.support.Fixtures;
import com.acme.gateway.support.Fixtures.World;

/**
 * Five states around the daylight-saving changes of America/New_York in 2024, for the
 * aggregate and group tests. Clocks went forward on Sunday 10 March (a 23-hour day, from
 * 05:00Z to 04:00Z next day) and back on Sunday 3 November (a 25-hour day, from 04:00Z to
 * 05:00Z next day).
 *
 * <pre>
 * state  status    sequence  mailbox  opportunity  replyCount  deliverCount  createdAt (New York time)
 * 1      ACTIVE    first     first    -            2           5             2024-03-10T04:30Z (Sat 9 Mar 23:30 EST)
 * 2      ACTIVE    first     first    -            0           3             2024-03-10T05:30Z (Sun 10 Mar 00:30 EST)
 * 3      PAUSED    first     second   -            1           2147483647    2024-03-11T03:30Z (Sun 10 Mar 23:30 EDT)
 * 4      FINISHED  second    second   yes          4           2147483647    2024-03-11T04:30Z (Mon 11 Mar 00:30 EDT)
 * 5      ACTIVE    second    -        -            0           0             2024-11-04T04:30Z (Sun 3 Nov 23:30 EST)
 * </pre> The two largest deliver counts sum past 32 bits: all five sum to 4,294,967,302.
 */
record AggregateFixture(World world, long secondSequence, long secondMailbox, long opportunity) {

	static final OffsetDateTime FIRST_CREATED = OffsetDateTime.parse("2024-03-10T04:30:00Z");

	static final OffsetDateTime LAST_CREATED = OffsetDateTime.parse("2024-11-04T04:30:00Z");

	static AggregateFixture write(Fixtures fixtures) {
		World world = fixtures.world();
		long secondSequence = fixtures.sequence("Follow-up", true, world.user());
		long secondMailbox = fixtures.mailbox("second@acme.example", world.user());
		long opportunity = fixtures.opportunity("Upsell", world.account());
		AggregateFixture fixture = new AggregateFixture(world, secondSequence, secondMailbox, opportunity);
		fixture.state(fixtures, 1, SequenceStateStatus.ACTIVE, world.sequence(), world.mailbox(), null, 2, 5,
				FIRST_CREATED);
		fixture.state(fixtures, 2, SequenceStateStatus.ACTIVE, world.sequence(), world.mailbox(), null, 0, 3,
				OffsetDateTime.parse("2024-03-10T05:30:00Z"));
		fixture.state(fixtures, 3, SequenceStateStatus.PAUSED, world.sequence(), secondMailbox, null, 1,
				Integer.MAX_VALUE, OffsetDateTime.parse("2024-03-11T03:30:00Z"));
		fixture.state(fixtures, 4, SequenceStateStatus.FINISHED, secondSequence, secondMailbox, opportunity, 4,
				Integer.MAX_VALUE, OffsetDateTime.parse("2024-03-11T04:30:00Z"));
		fixture.state(fixtures, 5, SequenceStateStatus.ACTIVE, secondSequence, null, null, 0, 0, LAST_CREATED);
		return fixture;
	}

	private void state(Fixtures fixtures, int number, SequenceStateStatus status, long sequence, Long mailbox,
			Long opportunity, int replies, int deliveries, OffsetDateTime createdAt) {
		long prospect = fixtures.prospect(this.world.account(), "Prospect", "No" + number,
				"p" + number + "@acme.example");
		fixtures.state(prospect, sequence, row -> {
			row.setState(status);
			row.setAccountId(this.world.account());
			row.setMailboxId(mailbox);
			row.setOpportunityId(opportunity);
			row.setReplyCount(replies);
			row.setDeliverCount(deliveries);
			row.setCreatedAt(createdAt);
		});
	}

}
