package com.acme.gateway.aggregate;

import static com.acme.gateway.database.generated.Tables.MAILBOX;
import static com.acme.gateway.database.generated.Tables.PROSPECT;
import static com.acme.gateway.database.generated.Tables.SEQUENCE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.acme.gateway.sequencestate.SequenceStateStatus;
import com.acme.gateway.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Related objects in group keys come through the batched loaders: a page of 1,000 groups
 * keyed by sequence and mailbox runs as many statements as a page of one.
 */
class GroupStatementsIntegrationTests extends IntegrationTest {

	private static final int SEQUENCES = 40;

	private static final int MAILBOXES = 25;

	@Test
	void pageOfAThousandGroupsKeyedBySequenceAndMailboxIsAFixedNumberOfStatements() {
		thousandStatesInDistinctSequenceAndMailboxPairs();

		int forOne = statementsForPageOf(1);
		int forThousand = statementsForPageOf(1000);

		assertThat(forThousand).isEqualTo(forOne);
		// the groups, the sequences, their owners, the mailboxes
		assertThat(forThousand).isEqualTo(4);
	}

	private int statementsForPageOf(int size) {
		this.statements.reset();
		this.graphQlTester
			.document("query($first: Int) { sequenceStateGroups(groupBy: [{ field: SEQUENCE }, { field: MAILBOX }], "
					+ "first: $first) { edges { node { keys { sequence { name owner { email } } mailbox { email } } "
					+ "aggregate { count } } } } }")
			.variable("first", size)
			.execute()
			.path("sequenceStateGroups.edges[*].node.keys.mailbox.email")
			.entityList(String.class)
			.hasSize(size);
		return this.statements.count();
	}

	private void thousandStatesInDistinctSequenceAndMailboxPairs() {
		DSLContext dsl = this.fixtures.dsl();
		long owner = this.fixtures.user("owner@example.com", "rep");
		long account = this.fixtures.account("Acme", "acme.example");
		List<Long> sequences = new ArrayList<>();
		for (int i = 0; i < SEQUENCES; i++) {
			sequences.add(this.fixtures.sequence("Sequence " + i, true, owner));
		}
		List<Long> mailboxes = new ArrayList<>();
		for (int i = 0; i < MAILBOXES; i++) {
			mailboxes.add(dsl.insertInto(MAILBOX)
				.set(MAILBOX.EMAIL, "box" + i + "@acme.example")
				.returning(MAILBOX.ID)
				.fetchSingle(MAILBOX.ID));
		}
		var prospects = dsl.insertInto(PROSPECT, PROSPECT.ACCOUNT_ID, PROSPECT.LAST_NAME);
		for (int i = 0; i < SEQUENCES * MAILBOXES; i++) {
			prospects = prospects.values(account, "No" + i);
		}
		List<Long> prospectIds = prospects.returning(PROSPECT.ID).fetch(PROSPECT.ID);
		var states = dsl.insertInto(SEQUENCE_STATE, SEQUENCE_STATE.PROSPECT_ID, SEQUENCE_STATE.SEQUENCE_ID,
				SEQUENCE_STATE.MAILBOX_ID, SEQUENCE_STATE.STATE);
		for (int i = 0; i < prospectIds.size(); i++) {
			states = states.values(prospectIds.get(i), sequences.get(i / MAILBOXES), mailboxes.get(i % MAILBOXES),
					SequenceStateStatus.ACTIVE);
		}
		assertThat(states.execute()).isEqualTo(1000);
		assertThat(dsl.fetchCount(SEQUENCE)).isEqualTo(SEQUENCES);
	}

}
