package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Every operator and relationship filter of {@code sequenceStates}, over
 * {@link FilterFixture}.
 */
class SequenceStateFilterIntegrationTests extends IntegrationTest {

	@BeforeEach
	void sixStates() {
		FilterFixture.write(this.fixtures);
	}

	static Stream<Arguments> filters() {
		return Stream.of(
				// IDFilter
				filter("{ id: { eq: \"2\" } }", 2), filter("{ id: { ne: \"2\" } }", 1, 3, 4, 5, 6),
				filter("{ id: { in: [\"1\", \"3\"] } }", 1, 3), filter("{ id: { notIn: [\"1\", \"3\"] } }", 2, 4, 5, 6),
				filter("{ id: { gt: \"4\" } }", 5, 6), filter("{ id: { gte: \"4\" } }", 4, 5, 6),
				filter("{ id: { lt: \"2\" } }", 1), filter("{ id: { lte: \"2\" } }", 1, 2),
				filter("{ id: { eq: 2 } }", 2),
				// IntFilter
				filter("{ bounceCount: { eq: 0 } }", 1, 4, 6), filter("{ bounceCount: { ne: 0 } }", 2, 3, 5),
				filter("{ bounceCount: { in: [1, 3] } }", 2, 5), filter("{ bounceCount: { notIn: [0, 1] } }", 3, 5),
				filter("{ bounceCount: { gt: 1 } }", 3, 5), filter("{ bounceCount: { gte: 1 } }", 2, 3, 5),
				filter("{ bounceCount: { lt: 1 } }", 1, 4, 6), filter("{ bounceCount: { lte: 1 } }", 1, 2, 4, 6),
				filter("{ bounceCount: { gte: 1, lte: 2 } }", 2, 3), filter("{ deliverCount: { eq: 5 } }", 1, 2),
				// DateTimeFilter, including a nullable column
				filter("{ createdAt: { eq: \"2024-01-03T00:00:00Z\" } }", 3),
				filter("{ createdAt: { eq: \"2024-01-03T02:00:00+02:00\" } }", 3),
				filter("{ createdAt: { ne: \"2024-01-03T00:00:00Z\" } }", 1, 2, 4, 5, 6),
				filter("{ createdAt: { gt: \"2024-01-04T00:00:00Z\" } }", 5, 6),
				filter("{ createdAt: { gte: \"2024-01-04T00:00:00Z\" } }", 4, 5, 6),
				filter("{ createdAt: { lt: \"2024-01-02T00:00:00Z\" } }", 1),
				filter("{ createdAt: { lte: \"2024-01-02T00:00:00Z\" } }", 1, 2),
				filter("{ createdAt: { isNull: false } }", 1, 2, 3, 4, 5, 6),
				filter("{ updatedAt: { eq: \"2024-01-09T00:00:00Z\" } }", 3, 5),
				filter("{ activeAt: { isNull: true } }", 4, 5, 6), filter("{ activeAt: { isNull: false } }", 1, 2, 3),
				filter("{ activeAt: { ne: \"2024-01-01T01:00:00Z\" } }", 2, 3, 4, 5, 6),
				filter("{ activeAt: { lt: \"2024-01-03T00:00:00Z\" } }", 1, 2),
				filter("{ repliedAt: { isNull: true } }", 1, 2, 3, 4, 5, 6),
				// StringFilter, including nulls and LIKE wildcards taken literally
				filter("{ errorReason: { eq: \"Mailbox 50% full_\" } }", 5),
				filter("{ errorReason: { eq: \"mailbox 50% full_\" } }"),
				filter("{ errorReason: { ne: \"Mailbox 50% full_\" } }", 1, 2, 3, 4, 6),
				filter("{ errorReason: { in: [\"Mailbox 50% full_\", \"other\"] } }", 5),
				filter("{ errorReason: { notIn: [\"Mailbox 50% full_\"] } }", 1, 2, 3, 4, 6),
				filter("{ errorReason: { isNull: false } }", 5), filter("{ errorReason: { contains: \"0% F\" } }", 5),
				filter("{ errorReason: { contains: \"_\" } }", 5), filter("{ errorReason: { contains: \"%\" } }", 5),
				filter("{ pauseReason: { contains: \"%\" } }"),
				// characters that mean something in SQL text or in jOOQ's plain-SQL
				// templates: the
				// statement text is rendered once per shape and reused, so values must
				// stay binds
				filter("{ errorReason: { contains: \"?{0}'\" } }"),
				filter("{ errorReason: { eq: \"'; drop table x; --\" } }"),
				filter("{ errorReason: { startsWith: \"MAIL\" } }", 5),
				filter("{ pauseReason: { startsWith: \"out of\" } }", 2),
				// SequenceStateStatusFilter
				filter("{ state: { eq: PAUSED } }", 2), filter("{ state: { ne: ACTIVE } }", 2, 3, 4, 5, 6),
				filter("{ state: { in: [ACTIVE, PENDING] } }", 1, 4),
				filter("{ state: { notIn: [ACTIVE, PENDING, PAUSED] } }", 3, 5, 6),
				// relationships
				filter("{ account: { id: { eq: \"1\" } } }", 1, 2, 4, 5),
				filter("{ account: { id: { ne: \"1\" } } }", 3, 6),
				filter("{ mailbox: { id: { eq: \"1\" } } }", 1, 3, 6),
				filter("{ mailbox: { email: { eq: \"ops@y.example\" } } }", 2, 5),
				filter("{ mailbox: { email: { startsWith: \"REP\" }, id: { eq: \"1\" } } }", 1, 3, 6),
				filter("{ opportunity: { id: { eq: \"1\" } } }", 1),
				filter("{ prospect: { id: { in: [\"1\", \"2\"] } } }", 1, 2, 4, 5),
				filter("{ prospect: { emails: { has: \"ADA@home.example\" } } }", 1, 4),
				filter("{ prospect: { emails: { hasSome: [\"bob@x.example\", \"nobody@x.example\"] } } }", 2, 5),
				filter("{ prospect: { emails: { hasEvery: [\"ada@x.example\", \"ada@home.example\"] } } }", 1, 4),
				filter("{ prospect: { emails: { hasEvery: [\"ada@x.example\", \"bob@x.example\"] } } }"),
				filter("{ sequence: { id: { eq: \"1\" } } }", 1, 2, 3),
				filter("{ sequence: { name: { eq: \"Renewal\" } } }", 4, 5, 6),
				filter("{ sequence: { enabled: { eq: true } } }", 1, 2, 3),
				filter("{ sequence: { sequenceType: { eq: \"date\" } } }", 4, 5, 6),
				filter("{ sequence: { createdAt: { gt: \"2023-03-01T00:00:00Z\" } } }", 4, 5, 6),
				filter("{ sequence: { updatedAt: { isNull: false } } }", 1, 2, 3, 4, 5, 6),
				filter("{ sequenceStep: { id: { eq: \"1\" } } }", 1),
				filter("{ sequenceStep: { order: { eq: 2 } } }", 2, 3),
				filter("{ sequenceStep: { stepType: { eq: \"task\" } } }", 4, 5),
				filter("{ sequenceStep: { createdAt: { isNull: false } } }", 1, 2, 3, 4, 5),
				filter("{ sequenceStep: { updatedAt: { isNull: false } } }", 1, 2, 3, 4, 5),
				filter("{ tasks: { dueAt: { gte: \"2024-02-01T00:00:00Z\", lt: \"2024-02-02T00:00:00Z\" } } }", 1),
				filter("{ tasks: { id: { eq: \"3\" } } }", 3),
				filter("{ tasks: { id: { eq: \"1\" }, dueAt: { gte: \"2024-02-02T00:00:00Z\" } } }"),
				filter("{ calls: { id: { eq: \"2\" } } }", 2),
				filter("{ calls: { id: { in: [\"1\", \"2\", \"3\"] } } }", 2, 5),
				// and, or, not, empty
				filter("{ and: [{ state: { eq: ACTIVE } }, { bounceCount: { eq: 0 } }] }", 1),
				filter("{ or: [{ state: { eq: PAUSED } }, { state: { eq: FAILED } }] }", 2, 5),
				filter("{ not: { state: { eq: ACTIVE } } }", 2, 3, 4, 5, 6),
				filter("{ not: { errorReason: { eq: \"Mailbox 50% full_\" } } }", 1, 2, 3, 4, 6),
				filter("{ not: { account: { id: { eq: \"1\" } } } }", 3, 6),
				filter("{ not: { tasks: { dueAt: { lt: \"2024-03-01T00:00:00Z\" } } } }", 2, 4, 5, 6),
				filter("{ or: [{ and: [{ state: { in: [ACTIVE, PAUSED] } }, { mailbox: { id: { eq: \"2\" } } }] },"
						+ " { not: { deliverCount: { gt: 0 } } }] }", 2, 3),
				filter("{ state: { eq: FAILED }, or: [{ bounceCount: { eq: 3 } }, { id: { eq: \"1\" } }] }", 5),
				filter("{}", 1, 2, 3, 4, 5, 6), filter("{ and: [] }", 1, 2, 3, 4, 5, 6), filter("{ or: [] }"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("filters")
	void returnsTheStatesTheFilterSelects(String filter, List<String> expectedIds) {
		this.graphQlTester
			.document("{ sequenceStates(first: 100, filter: %s) { edges { node { id } } } }".formatted(filter))
			.execute()
			.path("sequenceStates.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(expectedIds.toArray(String[]::new));
	}

	@Test
	void totalCountHonoursTheFilter() {
		this.graphQlTester
			.document("{ sequenceStates(first: 1, filter: { sequence: { id: { eq: \"2\" } } }) { totalCount } }")
			.execute()
			.path("sequenceStates.totalCount")
			.entity(Integer.class)
			.isEqualTo(3);
	}

	@Test
	void bindsEveryValueAsAParameter() {
		String hostile = "x'); drop table sequence_state; --";
		this.graphQlTester
			.document("query($text: String) { sequenceStates(filter: { errorReason: { eq: $text } }) "
					+ "{ edges { node { id } } } }")
			.variable("text", hostile)
			.execute()
			.path("sequenceStates.edges")
			.entityList(Object.class)
			.hasSize(0);

		this.graphQlTester.document("{ sequenceStates { totalCount } }")
			.execute()
			.path("sequenceStates.totalCount")
			.entity(Integer.class)
			.isEqualTo(6);
	}

	@Test
	void rejectsTextPostgresqlCannotHoldNamingItsPath() {
		expectError(query("{ errorReason: { notIn: [\"a\", \"\\u0000\"] } }"), "BAD_USER_INPUT",
				"filter.errorReason.notIn[1] contains the character U+0000");
		expectError(query("{ mailbox: { email: { contains: \"a\\u0000\" } } }"), "BAD_USER_INPUT",
				"filter.mailbox.email.contains contains the character U+0000");
		expectError(query("{ prospect: { emails: { hasSome: [\"\\u0000\"] } } }"), "BAD_USER_INPUT",
				"filter.prospect.emails.hasSome[0] contains the character U+0000");
	}

	@Test
	void rejectsMalformedIdNamingItsPath() {
		expectError(query("{ account: { id: { in: [\"1\", \"x\"] } } }"), "BAD_USER_INPUT",
				"filter.account.id.in[1] must be a positive integer id");
	}

	@Test
	void rejectsUnknownStatusNamingTheArgument() {
		expectError(query("{ state: { eq: SLEEPING } }"), "BAD_USER_INPUT", "filter.state.eq");
	}

	@Test
	void rejectsUnknownStatusLiteralNamingTheArgumentPathAndTheValueAsWritten() {
		query("{ state: { eq: NOPE } }").errors()
			.expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("argument 'filter.state.eq'")
					&& error.getMessage().endsWith("'NOPE'"))
			.verify();
	}

	@Test
	void rejectsUnknownStatusInAVariableNamingTheArgumentPath() {
		GraphQlTester.Response response = this.graphQlTester
			.document("query($f: SequenceStateFilter) { sequenceStates(filter: $f) { edges { node { id } } } }")
			.variable("f", java.util.Map.of("state", java.util.Map.of("eq", "NOPE")))
			.execute();
		expectError(response, "BAD_USER_INPUT", "filter.state.eq");
	}

	@Test
	void rejectsMalformedDateNamingItsPath() {
		expectError(query("{ createdAt: { gt: \"last tuesday\" } }"), "BAD_USER_INPUT", "filter.createdAt.gt");
	}

	@Test
	void refusesFilterNestedDeeperThanTheLimitBeforeAnySql() {
		String deep = "{ state: { eq: ACTIVE } }";
		for (int i = 0; i < 8; i++) {
			deep = "{ not: " + deep + " }";
		}
		this.statements.reset();

		expectError(query(deep), "LIMIT_EXCEEDED", "filter nests deeper than 8 levels");
		assertThat(this.statements.count()).isZero();
	}

	@Test
	void acceptsFilterNestedToTheLimit() {
		// Seven nots around the innermost filter: eight levels, the default limit.
		query("{ not: { not: { not: { not: { not: { not: { not: { state: { eq: ACTIVE } } } } } } } } }")
			.path("sequenceStates.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("2", "3", "4", "5", "6");
	}

	@Test
	void refusesFilterWithTooManyConditionsBeforeAnySql() {
		StringBuilder many = new StringBuilder("{ or: [");
		for (int i = 1; i <= 101; i++) {
			many.append("{ id: { eq: \"").append(i).append("\" } } ");
		}
		many.append("] }");
		this.statements.reset();

		expectError(query(many.toString()), "LIMIT_EXCEEDED", "filter has more than 100 conditions");
		assertThat(this.statements.count()).isZero();
	}

	@Test
	void refusesInListAboveTheLimit() {
		String ids = String.join(", ", java.util.Collections.nCopies(1001, "\"1\""));

		expectError(query("{ id: { in: [" + ids + "] } }"), "LIMIT_EXCEEDED", "filter.id.in has 1001 values");
	}

	private GraphQlTester.Response query(String filter) {
		return this.graphQlTester.document("{ sequenceStates(filter: %s) { edges { node { id } } } }".formatted(filter))
			.execute();
	}

	private static void expectError(GraphQlTester.Response response, String code, String messagePart) {
		response.errors()
			.expect(error -> code.equals(error.getExtensions().get("code")) && error.getMessage().contains(messagePart))
			.verify();
	}

	private static Arguments filter(String filter, int... ids) {
		return Arguments.of(filter, java.util.Arrays.stream(ids).mapToObj(String::valueOf).toList());
	}

}
