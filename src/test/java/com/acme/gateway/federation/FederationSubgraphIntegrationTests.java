package com.acme.gateway.federation;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.acme.gateway.sequencestate.SequenceStateStatus;
import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The gateway as a Federation 2 subgraph, asked the way a router asks: {@code _service}
 * for composition, {@code _entities} for entities by id, and a prospect's own connection
 * of states.
 */
class FederationSubgraphIntegrationTests extends IntegrationTest {

	// language=GraphQL
	private static final String ENTITIES = """
			query Entities($representations: [_Any!]!) {
			  _entities(representations: $representations) {
			    __typename
			    ... on SequenceState { id state prospect { firstName } }
			    ... on Prospect { id lastName }
			    ... on Account { id name }
			    ... on Sequence { id name }
			    ... on SequenceStep { id order }
			    ... on Mailbox { id email }
			    ... on User { id email }
			  }
			}
			""";

	@Test
	void servicePrintsFederationSdlWithKeys() {
		String sdl = this.graphQlTester.document("{ _service { sdl } }")
			.execute()
			.path("_service.sdl")
			.entity(String.class)
			.get();

		assertThat(sdl).containsPattern(
				"@link\\(import : \\[\"@key\"\\], url : \"https://specs.apollo.dev/federation/v2\\.5\"\\)");
		for (String type : List.of("SequenceState", "Prospect", "Account", "Sequence", "SequenceStep", "Mailbox",
				"User")) {
			assertThat(sdl).contains("type " + type + " @key(fields : \"id\", resolvable : true) {");
		}
	}

	@Test
	void resolvesEveryEntityTypeById() {
		World world = this.fixtures.world();
		long state = this.fixtures.fullyLinkedState(world, row -> {
		});
		long prospect = prospectOf(state);

		GraphQlTester.Response response = entities(List.of(representation("SequenceState", state),
				representation("Prospect", prospect), representation("Account", world.account()),
				representation("Sequence", world.sequence()), representation("SequenceStep", world.secondStep()),
				representation("Mailbox", world.mailbox()), representation("User", world.user())));

		response.errors().verify();
		response.path("_entities[0].state").entity(String.class).isEqualTo("ACTIVE");
		response.path("_entities[0].prospect.firstName").entity(String.class).isEqualTo("Ada");
		response.path("_entities[1].lastName").entity(String.class).isEqualTo("Lovelace");
		response.path("_entities[2].name").entity(String.class).isEqualTo("Acme");
		response.path("_entities[3].name").entity(String.class).isEqualTo("Outreach");
		response.path("_entities[4].order").entity(Integer.class).isEqualTo(2);
		response.path("_entities[5].email").entity(String.class).isEqualTo("rep@acme.example");
		response.path("_entities[6].email").entity(String.class).isEqualTo("rep@example.com");
	}

	@Test
	void loadsEachTypeInOneStatementWhateverTheNumberOfRepresentations() {
		World world = this.fixtures.world();
		List<Long> states = this.fixtures.states(world, 60);

		int forOne = statementsFor(states.subList(0, 1));
		int forSixty = statementsFor(states);

		// One statement for the states, one for their prospects (the DataLoader of the
		// link).
		assertThat(forSixty).isEqualTo(forOne).isEqualTo(2);
	}

	@Test
	void answersUnknownIdsWithNullAndNoError() {
		World world = this.fixtures.world();
		long state = this.fixtures.states(world, 1).get(0);

		GraphQlTester.Response response = entities(
				List.of(representation("SequenceState", 999_999), representation("SequenceState", state)));

		response.errors().verify();
		response.path("_entities[0]").valueIsNull();
		response.path("_entities[1].id").entity(String.class).isEqualTo(String.valueOf(state));
	}

	@Test
	void refusesABadRepresentationOnItsOwnEntryOnly() {
		World world = this.fixtures.world();
		long state = this.fixtures.states(world, 1).get(0);

		GraphQlTester.Response response = entities(List.of(representation("SequenceState", state),
				Map.of("__typename", "SequenceState"), Map.of("__typename", "SequenceState", "id", "twelve"),
				Map.of("__typename", "Note", "id", "1"), representation("SequenceState", state)));

		response.errors()
			.expect(error -> isBadInputAt(error, 1) && error.getMessage().contains("has no id"))
			.expect(error -> isBadInputAt(error, 2) && error.getMessage().contains("\"twelve\""))
			.expect(error -> isBadInputAt(error, 3) && error.getMessage().contains("\"Note\""))
			.verify();
		response.path("_entities[0].id").entity(String.class).isEqualTo(String.valueOf(state));
		response.path("_entities[1]").valueIsNull();
		response.path("_entities[2]").valueIsNull();
		response.path("_entities[3]").valueIsNull();
		response.path("_entities[4].id").entity(String.class).isEqualTo(String.valueOf(state));
	}

	@Test
	void needsTheReadScope() {
		this.graphQlTester(this.adminId, "sequenceStates.write")
			.document("{ _service { sdl } }")
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
		this.graphQlTester(this.adminId, "sequenceStates.write")
			.document(ENTITIES)
			.variable("representations", List.of(representation("SequenceState", 1)))
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
	}

	/**
	 * Each representation costs its selection: 1 + (1 + 1000 × 2) = 2002, under 20,000
	 * for 9, over for 10, even right after the same document passed with 9.
	 */
	@Test
	void costsEveryRepresentationAsOneObject() {
		// language=GraphQL
		String document = """
				query Pages($representations: [_Any!]!) {
				  _entities(representations: $representations) {
				    ... on Prospect { sequenceStates(first: 1000) { edges { node { id } } } }
				  }
				}
				""";
		this.graphQlTester.document(document)
			.variable("representations", prospectRepresentations(9))
			.execute()
			.errors()
			.verify();
		this.graphQlTester.document(document)
			.variable("representations", prospectRepresentations(10))
			.execute()
			.errors()
			.expect(error -> "LIMIT_EXCEEDED".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("query cost 20020 exceeds the limit of 20000"))
			.verify();
	}

	private static List<Map<String, Object>> prospectRepresentations(int count) {
		List<Map<String, Object>> representations = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			representations.add(representation("Prospect", i));
		}
		return representations;
	}

	@Test
	void pagesAProspectsStatesWithTheRootArguments() {
		World world = this.fixtures.world();
		long prospect = this.fixtures.prospect(world.account(), "Grace", "Hopper", "grace@example.com");
		long secondSequence = this.fixtures.sequence("Follow-up", true, world.user());
		long thirdSequence = this.fixtures.sequence("Nurture", true, world.user());
		long first = this.fixtures.state(prospect, world.sequence(), row -> {
		});
		long second = this.fixtures.state(prospect, secondSequence, row -> {
		});
		this.fixtures.state(prospect, thirdSequence, row -> row.setState(SequenceStateStatus.PAUSED));
		this.fixtures.states(world, 3); // other prospects' states stay out

		// language=GraphQL
		String document = """
				query Page($representations: [_Any!]!, $after: String) {
				  _entities(representations: $representations) {
				    ... on Prospect {
				      sequenceStates(filter: { state: { eq: ACTIVE } }, first: 1, after: $after) {
				        totalCount
				        edges { node { id } }
				        pageInfo { hasNextPage endCursor }
				      }
				    }
				  }
				}
				""";
		GraphQlTester.Response page = this.graphQlTester.document(document)
			.variable("representations", List.of(representation("Prospect", prospect)))
			.execute();
		page.path("_entities[0].sequenceStates.totalCount").entity(Integer.class).isEqualTo(2);
		page.path("_entities[0].sequenceStates.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(String.valueOf(first));
		String cursor = page.path("_entities[0].sequenceStates.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response next = this.graphQlTester.document(document)
			.variable("representations", List.of(representation("Prospect", prospect)))
			.variable("after", cursor)
			.execute();
		next.path("_entities[0].sequenceStates.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(String.valueOf(second));
		next.path("_entities[0].sequenceStates.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	/** Not batched across prospects: each prospect's page is its own keyset query. */
	@Test
	void readsOnePageStatementPerProspect() {
		World world = this.fixtures.world();
		List<Map<String, Object>> representations = new ArrayList<>();
		for (long state : this.fixtures.states(world, 5)) {
			representations.add(representation("Prospect", prospectOf(state)));
		}
		// language=GraphQL
		String document = """
				query Pages($representations: [_Any!]!) {
				  _entities(representations: $representations) {
				    ... on Prospect { sequenceStates(first: 10) { edges { node { id } } } }
				  }
				}
				""";
		this.statements.reset();

		this.graphQlTester.document(document)
			.variable("representations", representations)
			.execute()
			.path("_entities[*].sequenceStates.edges[*].node.id")
			.entityList(String.class)
			.hasSize(5);

		// one for the five prospects, then one page per prospect
		assertThat(this.statements.count()).isEqualTo(1 + 5);
	}

	@Test
	void refusesAProspectsCursorOnAnotherProspect() {
		World world = this.fixtures.world();
		List<Long> states = this.fixtures.states(world, 2);
		List<Long> prospects = new ArrayList<>();
		for (long state : states) {
			prospects.add(prospectOf(state));
		}
		// language=GraphQL
		String document = """
				query Page($representations: [_Any!]!, $after: String) {
				  _entities(representations: $representations) {
				    ... on Prospect { sequenceStates(first: 1, after: $after) { pageInfo { endCursor } } }
				  }
				}
				""";
		String cursor = this.graphQlTester.document(document)
			.variable("representations", List.of(representation("Prospect", prospects.get(0))))
			.execute()
			.path("_entities[0].sequenceStates.pageInfo.endCursor")
			.entity(String.class)
			.get();

		this.graphQlTester.document(document)
			.variable("representations", List.of(representation("Prospect", prospects.get(1))))
			.variable("after", cursor)
			.execute()
			.errors()
			.expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code")))
			.verify();
	}

	private long prospectOf(long state) {
		return this.fixtures.dsl()
			.select(SEQUENCE_STATE.PROSPECT_ID)
			.from(SEQUENCE_STATE)
			.where(SEQUENCE_STATE.ID.eq(state))
			.fetchSingle(SEQUENCE_STATE.PROSPECT_ID);
	}

	private int statementsFor(List<Long> states) {
		List<Map<String, Object>> representations = states.stream()
			.map(state -> representation("SequenceState", state))
			.toList();
		this.statements.reset();
		entities(representations).path("_entities[*].prospect.firstName")
			.entityList(String.class)
			.hasSize(states.size());
		return this.statements.count();
	}

	private GraphQlTester.Response entities(List<Map<String, Object>> representations) {
		return this.graphQlTester.document(ENTITIES).variable("representations", representations).execute();
	}

	private static Map<String, Object> representation(String typeName, long id) {
		return Map.of("__typename", typeName, "id", String.valueOf(id));
	}

	private static boolean isBadInputAt(ResponseError error, int index) {
		return "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
				&& error.getParsedPath().equals(List.of("_entities", index));
	}

}
