package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The to-one links a query selects on the states it loads are joined into its one
 * statement ({@link SequenceStateLinks}); on any other path they batch through
 * DataLoaders. Both paths must give the same answer, including null for a link that is
 * not set.
 */
class LinkJoinIntegrationTests extends IntegrationTest {

	private static final String LINKS = """
			prospect { id firstName lastName emails createdAt updatedAt }
			account { id name domain }
			sequence { id name enabled }
			sequenceStep { id stepType order }
			mailbox { id email }
			opportunity { id name }
			creator { id email role }
			batchItemCreator { id status }
			""";

	private World world;

	private long fullyLinked;

	private long barelyLinked;

	@BeforeEach
	void twoStates() {
		this.world = this.fixtures.world();
		this.fullyLinked = this.fixtures.fullyLinkedState(this.world, row -> {
		});
		// Only the two links the data contract requires.
		long other = this.fixtures.prospect(null, "Grace", "Hopper", "grace@example.com");
		this.barelyLinked = this.fixtures.state(other, this.world.sequence(), row -> {
		});
		this.statements.reset();
	}

	@Test
	void aPageWithEveryToOneLinkIsOneStatement() {
		List<Map<String, Object>> nodes = this.graphQlTester
			.document("{ sequenceStates(first: 10) { edges { node { id " + LINKS + " } } } }")
			.execute()
			.path("sequenceStates.edges[*].node")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.hasSize(2)
			.get();

		assertThat(this.statements.count()).isEqualTo(1);
		assertThat(nodes.get(0)).isEqualTo(byMutation(this.fullyLinked));
		assertThat(nodes.get(1)).isEqualTo(byMutation(this.barelyLinked));
	}

	@Test
	void oneStateWithEveryToOneLinkIsOneStatement() {
		Map<String, Object> node = this.graphQlTester
			.document("query($id: ID!) { sequenceState(id: $id) { id " + LINKS + " } }")
			.variable("id", String.valueOf(this.fullyLinked))
			.execute()
			.path("sequenceState")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();

		assertThat(this.statements.count()).isEqualTo(1);
		assertThat(node).isEqualTo(byMutation(this.fullyLinked));
	}

	@Test
	void unsetLinksAreNullWhenJoined() {
		this.graphQlTester.document("query($id: ID!) { sequenceState(id: $id) { " + LINKS + " } }")
			.variable("id", String.valueOf(this.barelyLinked))
			.execute()
			.path("sequenceState.prospect.firstName")
			.entity(String.class)
			.isEqualTo("Grace")
			.path("sequenceState.sequence.name")
			.entity(String.class)
			.isEqualTo("Outreach")
			.path("sequenceState.account")
			.valueIsNull()
			.path("sequenceState.sequenceStep")
			.valueIsNull()
			.path("sequenceState.mailbox")
			.valueIsNull()
			.path("sequenceState.opportunity")
			.valueIsNull()
			.path("sequenceState.creator")
			.valueIsNull()
			.path("sequenceState.batchItemCreator")
			.valueIsNull();
	}

	@Test
	void aliasesAndFragmentsOfALinkAreJoinedToo() {
		Object prospectId = this.fixtures.dsl()
			.fetchValue("select prospect_id from sequence_state where id = " + this.fullyLinked);
		this.statements.reset();
		this.graphQlTester.document("""
				fragment Who on SequenceState { who: prospect { firstName } }
				{ sequenceStates(first: 1) { edges { node { ...Who p: prospect { id } } } } }
				""")
			.execute()
			.path("sequenceStates.edges[0].node.who.firstName")
			.entity(String.class)
			.isEqualTo("Ada")
			.path("sequenceStates.edges[0].node.p.id")
			.entity(String.class)
			.isEqualTo(String.valueOf(prospectId));
		assertThat(this.statements.count()).isEqualTo(1);
	}

	/**
	 * The same state and links read through a mutation's result, which joins nothing: its
	 * links go through the DataLoaders. Pausing and resuming leaves the links as they
	 * were.
	 */
	private Map<String, Object> byMutation(long state) {
		this.graphQlTester.document("mutation($id: ID!) { pauseSequenceState(id: $id) { id } }")
			.variable("id", String.valueOf(state))
			.execute()
			.path("pauseSequenceState.id")
			.hasValue();
		return this.graphQlTester.document("mutation($id: ID!) { resumeSequenceState(id: $id) { id " + LINKS + " } }")
			.variable("id", String.valueOf(state))
			.execute()
			.path("resumeSequenceState")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

}
