package com.acme.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every argument of {@code sequenceStateGroups} is checked before any SQL runs. */
class GroupLimitsIntegrationTests extends IntegrationTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					groupBy: []                                                                                  | groupBy takes 1 to 4 keys, but 0 were given
					groupBy: [{ field: STATE }, { field: SEQUENCE }, { field: MAILBOX }, { field: ACCOUNT }, { field: PROSPECT }] | groupBy takes 1 to 4 keys, but 5 were given
					groupBy: [{ field: STATE }, { field: STATE }]                                                | groupBy[1].field STATE is already a key
					groupBy: [{ field: CREATED_AT }]                                                             | groupBy[0].truncateTo is required for the DateTime key CREATED_AT
					groupBy: [{ field: STATE }, { field: MAILBOX, truncateTo: DAY }]                             | groupBy[1].truncateTo applies only to DateTime keys, not to MAILBOX
					groupBy: [{ field: CREATED_AT, truncateTo: DAY }], timeZone: "Mars/Olympus_Mons"             | timeZone "Mars/Olympus_Mons" is not an IANA time zone
					groupBy: [{ field: CREATED_AT, truncateTo: DAY }], timeZone: "+02:00"                        | timeZone "+02:00" is not an IANA time zone
					groupBy: [{ field: STATE }], first: 1001                                                     | first must be between 0 and 1000, but was 1001
					groupBy: [{ field: STATE }], first: -1                                                       | first must be between 0 and 1000, but was -1
					groupBy: [{ field: STATE }], orderBy: [{ count: DESC, key: STATE }]                          | orderBy[0] must name exactly one of count, sum, avg, min, max or key
					groupBy: [{ field: STATE }], orderBy: [{ sum: { replyCount: ASC, openCount: ASC } }]         | orderBy[0].sum must name exactly one counter
					groupBy: [{ field: STATE }], orderBy: [{ key: MAILBOX }]                                     | orderBy[0].key MAILBOX is not one of the groupBy keys
					groupBy: [{ field: STATE }], orderBy: [{ count: ASC, direction: DESC }]                      | orderBy[0].direction goes with key
					groupBy: [{ field: STATE }], after: "not-a-cursor"                                           | The cursor is malformed
					""")
	void refusesBeforeAnySql(String arguments, String message) {
		this.statements.reset();
		this.graphQlTester.document("{ sequenceStateGroups(" + arguments + ") { edges { cursor } } }")
			.execute()
			.errors()
			.expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains(message))
			.verify();
		assertThat(this.statements.count()).isZero();
	}

	@Test
	void refusesHavingOnAFieldThatDoesNotExist() {
		this.graphQlTester
			.document(
					"{ sequenceStateGroups(groupBy: [{ field: STATE }], having: { median: { replyCount: { gt: 1 } } }) "
							+ "{ edges { cursor } } }")
			.execute()
			.errors()
			.expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("'having'") && error.getMessage().contains("median"))
			.verify();
		assertThat(this.statements.count()).isZero();
	}

	@Test
	void refusesHavingOnACounterThatDoesNotExist() {
		this.graphQlTester
			.document("{ sequenceStateGroups(groupBy: [{ field: STATE }], having: { sum: { createdAt: { gt: 1 } } }) "
					+ "{ edges { cursor } } }")
			.execute()
			.errors()
			.expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("having") && error.getMessage().contains("createdAt"))
			.verify();
		assertThat(this.statements.count()).isZero();
	}

	@Test
	void countsGroupsLikeEdgesAgainstTheCostLimit() {
		// 1 + 1000 × (edge, node, keys, 8 related objects, aggregate and its 5 objects =
		// 16) = 16,001 passes …
		String selection = "edges { node { keys { sequence { id } sequenceStep { id } mailbox { id } account { id } "
				+ "creator { id } opportunity { id } prospect { id } %s } aggregate { sum { replyCount } avg { replyCount } "
				+ "min { replyCount } max { replyCount } distinctCount { mailbox } } } }";
		this.graphQlTester
			.document("{ sequenceStateGroups(groupBy: [{ field: STATE }], first: 1000) { " + selection.formatted("")
					+ " } }")
			.execute()
			.errors()
			.verify();
		// … and 5 more objects per group (sequence owners, steps' sequences) make 21,001,
		// refused before any SQL.
		this.statements.reset();
		this.graphQlTester
			.document("{ sequenceStateGroups(groupBy: [{ field: STATE }], first: 1000) { " + selection
				.formatted("s2: sequence { owner { id } } s3: sequenceStep { sequence { owner { id } } } "
						+ "m2: mailbox { user { id } }")
					+ " } }")
			.execute()
			.errors()
			.expect(error -> "LIMIT_EXCEEDED".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("gateway.limits.max-cost"))
			.verify();
		assertThat(this.statements.count()).isZero();
	}

	@Test
	void requiresTheReadScope() {
		graphQlTester(this.adminId, "sequenceStates.write sequenceStates.delete")
			.document("{ sequenceStateGroups(groupBy: [{ field: STATE }]) { totalCount } }")
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
		assertThat(this.statements.count()).isZero();
	}

}
