package com.acme.gateway.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestDatabaseConfiguration;
import com.acme.gateway.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * {@link DirectCompletionStrategy} must answer exactly as graphql-java's own completion
 * does: the same JSON text, byte for byte (keys, order, nulls, scalars, errors), for
 * every document here, each sent twice on the same rows, once completed directly and once
 * with the standard path forced. Each case also says whether it should go the direct way,
 * so a change that quietly sends everything down the standard path (or one that stops
 * falling back) fails too.
 */
class DirectCompletionIntegrationTests extends IntegrationTest {

	private static final String ALL_ATTRIBUTES = """
			id activeAt bounceCount callCompletedAt clickCount createdAt deliverCount errorReason failureCount
			negativeReplyCount neutralReplyCount openCount optOutCount pauseReason positiveReplyCount repliedAt
			replyCount scheduleCount state stateChangedAt updatedAt""";

	private static final String ALL_LINKS = """
			prospect { id firstName lastName emails createdAt updatedAt }
			account { id name domain createdAt updatedAt }
			sequence { id name enabled sequenceType createdAt updatedAt }
			sequenceStep { id stepType order createdAt updatedAt }
			mailbox { id email createdAt updatedAt }
			opportunity { id name createdAt updatedAt }
			creator { id email firstName lastName role createdAt updatedAt }
			batchItemCreator { id status createdAt }""";

	@Autowired
	private MeterRegistry meters;

	private long fullyLinked;

	private long barelyLinked;

	@BeforeEach
	void statesWithEveryLinkAndWithNone() {
		World world = this.fixtures.world();
		this.fullyLinked = this.fixtures.fullyLinkedState(world, row -> {
			row.setPauseReason("a \"quoted\" reason\nwith a newline and \u00e9");
		});
		this.fixtures.mailing(this.fullyLinked, world.firstStep(), "delivered", null);
		long other = this.fixtures.prospect(null, "Grace", null, "grace@example.com");
		this.barelyLinked = this.fixtures.state(other, world.sequence(), row -> {
		});
		this.fixtures.states(world, 3);
	}

	/**
	 * A document, its variables, and whether some object of it should be completed
	 * directly.
	 */
	record Case(String name, String document, Map<String, Object> variables, boolean direct) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static List<Case> documents() {
		return List.of(
				new Case("a page with every attribute and link",
						"{ sequenceStates(first: 10) { edges { cursor node { " + ALL_ATTRIBUTES + " " + ALL_LINKS
								+ " } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }",
						Map.of(), true),
				new Case("one state by id, from a variable",
						"query($id: ID!) { sequenceState(id: $id) { " + ALL_ATTRIBUTES + " " + ALL_LINKS + " } }",
						Map.of("id", "FULLY_LINKED"), true),
				new Case("a state whose optional links are all null",
						"query($id: ID!) { sequenceState(id: $id) { id " + ALL_LINKS + " } }",
						Map.of("id", "BARELY_LINKED"), true),
				new Case("aliases, __typename, fragments and repeated fields", """
						query { sequenceStates(last: 3) { __typename page: pageInfo { __typename more: hasPreviousPage }
						  edges { __typename node { __typename ...Counts key: id id
						    ... on SequenceState { who: prospect { __typename ...Names } prospect { id } } } } } }
						fragment Counts on SequenceState { bounceCount clicks: clickCount state }
						fragment Names on Prospect { firstName lastName emails }""", Map.of(), true),
				new Case("@skip and @include driven by variables", """
						query($withLinks: Boolean!, $withoutIds: Boolean!) { sequenceStates(first: 5) { edges { node {
						  id @skip(if: $withoutIds) state prospect @include(if: $withLinks) { id firstName } } } } }""",
						Map.of("withLinks", true, "withoutIds", true), true),
				new Case("totalCount beside the edges (its own resolver)",
						"{ sequenceStates(first: 2) { totalCount edges { node { id state account { name } } } } }",
						Map.of(), true),
				new Case("a link of a link, batched through a DataLoader",
						"{ sequenceStates(first: 5) { edges { node { id sequence { name owner { email } } sequenceStep { order sequence { name } } } } } }",
						Map.of(), true),
				new Case("lists with their own resolvers (their items are plain)",
						"{ sequenceStates(first: 5) { edges { node { id mailings { id state } tasks { id } calls { id } activeStepMailings { id } activeStepTasks { id } } } } }",
						Map.of(), true),
				new Case("a field computed per caller",
						"{ sequenceStates(first: 5) { edges { node { id canDelete } } } }", Map.of(), false),
				new Case("an empty page",
						"{ sequenceStates(first: 0) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }",
						Map.of(), true),
				new Case("a state that does not exist", "{ sequenceState(id: \"999999999\") { id prospect { id } } }",
						Map.of(), false),
				new Case("a refused cursor (an error, no data)",
						"{ sequenceStates(first: 2, after: \"not-a-cursor\") { edges { node { id } } } }", Map.of(),
						false));
	}

	@ParameterizedTest
	@MethodSource("documents")
	void answersExactlyAsGraphQlJavaDoes(Case testCase) {
		Map<String, Object> variables = new java.util.HashMap<>(testCase.variables());
		variables.replaceAll((name, value) -> switch (String.valueOf(value)) {
			case "FULLY_LINKED" -> String.valueOf(this.fullyLinked);
			case "BARELY_LINKED" -> String.valueOf(this.barelyLinked);
			default -> value;
		});
		String standard = post(testCase.document(), variables, true);
		double directBefore = completions("direct");
		String direct = post(testCase.document(), variables, false);
		double directAfter = completions("direct");

		assertThat(direct).isEqualTo(standard);
		assertThat(directAfter > directBefore).as("completed directly").isEqualTo(testCase.direct());
		assertThat(standard).contains("\"data\"");
	}

	/**
	 * Plans and joined links are shared by the requests that send the same document; with
	 * {@code @skip}/{@code @include} on variables, each request must still get its own
	 * selection. Sent one after another, every combination answers as graphql-java does,
	 * directly (a link missing from the join would fall back) and with the prospect
	 * exactly when it is included.
	 */
	@Test
	void aDocumentWithDirectivesIsCompletedForTheVariablesOfEachRequest() {
		String document = """
				query($withLinks: Boolean!, $withoutIds: Boolean!) { sequenceStates(first: 5) { edges { node {
				  id @skip(if: $withoutIds) state prospect @include(if: $withLinks) { id firstName } } } } }""";
		boolean[][] combinations = { { true, true }, { false, false }, { true, false }, { false, true }, { true, true },
				{ false, false } };
		for (boolean[] combination : combinations) {
			Map<String, Object> variables = Map.of("withLinks", combination[0], "withoutIds", combination[1]);
			String standard = post(document, variables, true);
			double fellBackBefore = completions("fell-back");
			double directBefore = completions("direct");
			String direct = post(document, variables, false);

			assertThat(direct).as("%s", variables).isEqualTo(standard);
			assertThat(direct.contains("\"prospect\":{")).as("%s", variables).isEqualTo(combination[0]);
			assertThat(direct.contains("\"id\":")).as("%s", variables).isEqualTo(combination[0] || !combination[1]);
			assertThat(completions("direct")).isGreaterThan(directBefore);
			assertThat(completions("fell-back")).as("%s", variables).isEqualTo(fellBackBefore);
		}
	}

	/**
	 * A mutation's state comes without joined links, so the plan of its selection (which
	 * reads them) does not fit: the object falls back to graphql-java, whose DataLoaders
	 * fetch them.
	 */
	@Test
	void aStateWithoutJoinedLinksFallsBackToTheStandardPath() {
		double fellBackBefore = completions("fell-back");
		String answer = post(
				"mutation($id: ID!) { pauseSequenceState(id: $id, reason: \"holiday\") { id state prospect { firstName } account { name } } }",
				Map.of("id", String.valueOf(this.fullyLinked)), false);

		assertThat(answer).isEqualTo("{\"data\":{\"pauseSequenceState\":{\"id\":\"" + this.fullyLinked
				+ "\",\"state\":\"PAUSED\",\"prospect\":{\"firstName\":\"Ada\"},\"account\":{\"name\":\"Acme\"}}}}");
		assertThat(completions("fell-back")).isEqualTo(fellBackBefore + 1);
	}

	private String post(String document, Map<String, Object> variables, boolean standardCompletion) {
		return this.webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers(headers -> {
			headers.setBearerAuth(TestTokens.forUser(this.adminId, TestTokens.ALL));
			if (standardCompletion) {
				headers.set(TestDatabaseConfiguration.STANDARD_COMPLETION_HEADER, "true");
			}
		})
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()
			// The rate limit's report differs between any two requests (remaining); the
			// answers are compared.
			.replaceFirst(",\"extensions\":\\{\"rateLimit\":\\{[^}]*\\}\\}", "");
	}

	private double completions(String path) {
		return this.meters.counter("gateway.graphql.completions", "path", path).count();
	}

}
