package com.acme.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code sequenceStateGroups} over {@link AggregateFixture}: keys, truncation, having,
 * order, pages.
 */
class SequenceStateGroupsIntegrationTests extends IntegrationTest {

	private AggregateFixture fixture;

	@BeforeEach
	void fiveStates() {
		this.fixture = AggregateFixture.write(this.fixtures);
		this.statements.reset();
	}

	@Test
	void groupsByStateInOneStatement() {
		groups("groupBy: [{ field: STATE }]",
				"keys { state sequence { id } createdAt } aggregate { count sum { replyCount } }")
			.matchesJson(
					"""
							[ { "keys": { "state": "ACTIVE", "sequence": null, "createdAt": null }, "aggregate": { "count": 3, "sum": { "replyCount": 2 } } },
							  { "keys": { "state": "FINISHED", "sequence": null, "createdAt": null }, "aggregate": { "count": 1, "sum": { "replyCount": 4 } } },
							  { "keys": { "state": "PAUSED", "sequence": null, "createdAt": null }, "aggregate": { "count": 1, "sum": { "replyCount": 1 } } } ]""");
		assertThat(this.statements.count()).isEqualTo(1);
	}

	@Test
	void groupsBySequenceAndMailboxWithTheirObjects() {
		AggregateFixture f = this.fixture;
		groups("groupBy: [{ field: SEQUENCE }, { field: MAILBOX }]",
				"keys { sequence { id name } mailbox { email } } aggregate { count }")
			.matchesJson(
					"""
							[ { "keys": { "sequence": { "id": "%d", "name": "Outreach" }, "mailbox": { "email": "rep@acme.example" } }, "aggregate": { "count": 2 } },
							  { "keys": { "sequence": { "id": "%d", "name": "Outreach" }, "mailbox": { "email": "second@acme.example" } }, "aggregate": { "count": 1 } },
							  { "keys": { "sequence": { "id": "%d", "name": "Follow-up" }, "mailbox": { "email": "second@acme.example" } }, "aggregate": { "count": 1 } },
							  { "keys": { "sequence": { "id": "%d", "name": "Follow-up" }, "mailbox": null }, "aggregate": { "count": 1 } } ]"""
						.formatted(f.world().sequence(), f.world().sequence(), f.secondSequence(), f.secondSequence()));
	}

	@Test
	void statesWithoutAKeyFormAGroupOfTheirOwn() {
		groups("groupBy: [{ field: OPPORTUNITY }]", "keys { opportunity { name } } aggregate { count }").matchesJson("""
				[ { "keys": { "opportunity": { "name": "Upsell" } }, "aggregate": { "count": 1 } },
				  { "keys": { "opportunity": null }, "aggregate": { "count": 4 } } ]""");
	}

	@Test
	void groupsByEveryLinkKey() {
		groups("groupBy: [{ field: ACCOUNT }, { field: CREATOR }, { field: PROSPECT }, { field: SEQUENCE_STEP }]",
				"keys { account { name } creator { id } prospect { lastName } sequenceStep { id } } aggregate { count }")
			.path("sequenceStateGroups.edges[0].node")
			.matchesJson(
					"""
							{ "keys": { "account": { "name": "Acme" }, "creator": null, "prospect": { "lastName": "No1" }, "sequenceStep": null },
							  "aggregate": { "count": 1 } }""");
	}

	@Test
	void truncatesDaysInNewYorkAcrossTheSpringForwardDay() {
		// 10 March 2024 had 23 hours in New York: 05:00Z to 04:00Z next day.
		groups("groupBy: [{ field: CREATED_AT, truncateTo: DAY }], timeZone: \"America/New_York\"",
				"keys { createdAt } aggregate { count }")
			.matchesJson("""
					[ { "keys": { "createdAt": "2024-03-09T05:00:00Z" }, "aggregate": { "count": 1 } },
					  { "keys": { "createdAt": "2024-03-10T05:00:00Z" }, "aggregate": { "count": 2 } },
					  { "keys": { "createdAt": "2024-03-11T04:00:00Z" }, "aggregate": { "count": 1 } },
					  { "keys": { "createdAt": "2024-11-03T04:00:00Z" }, "aggregate": { "count": 1 } } ]""");
	}

	@Test
	void truncatesWeeksFromMondayInNewYork() {
		// The week of the change starts on Monday 4 March in EST; the next in EDT; 3
		// November's
		// 25-hour Sunday belongs to the week from Monday 28 October (EDT).
		groups("groupBy: [{ field: CREATED_AT, truncateTo: WEEK }], timeZone: \"America/New_York\"",
				"keys { createdAt } aggregate { count }")
			.matchesJson("""
					[ { "keys": { "createdAt": "2024-03-04T05:00:00Z" }, "aggregate": { "count": 3 } },
					  { "keys": { "createdAt": "2024-03-11T04:00:00Z" }, "aggregate": { "count": 1 } },
					  { "keys": { "createdAt": "2024-10-28T04:00:00Z" }, "aggregate": { "count": 1 } } ]""");
	}

	@Test
	void truncatesInUtcByDefault() {
		groups("groupBy: [{ field: CREATED_AT, truncateTo: DAY }]", "keys { createdAt } aggregate { count }")
			.matchesJson("""
					[ { "keys": { "createdAt": "2024-03-10T00:00:00Z" }, "aggregate": { "count": 2 } },
					  { "keys": { "createdAt": "2024-03-11T00:00:00Z" }, "aggregate": { "count": 2 } },
					  { "keys": { "createdAt": "2024-11-04T00:00:00Z" }, "aggregate": { "count": 1 } } ]""");
	}

	@Test
	void truncatesToEveryUnit() {
		String zone = ", timeZone: \"America/New_York\"";
		assertThat(firstKey("HOUR", zone)).isEqualTo("2024-03-10T04:00:00Z");
		assertThat(firstKey("MONTH", zone)).isEqualTo("2024-03-01T05:00:00Z");
		assertThat(firstKey("QUARTER", zone)).isEqualTo("2024-01-01T05:00:00Z");
		assertThat(firstKey("YEAR", zone)).isEqualTo("2024-01-01T05:00:00Z");
		assertThat(lastKey("QUARTER", zone)).isEqualTo("2024-10-01T04:00:00Z");
	}

	@Test
	void groupsByStateAndTruncatedTime() {
		groups("groupBy: [{ field: STATE }, { field: CREATED_AT, truncateTo: MONTH }], timeZone: \"America/New_York\"",
				"keys { state createdAt } aggregate { count }")
			.matchesJson(
					"""
							[ { "keys": { "state": "ACTIVE", "createdAt": "2024-03-01T05:00:00Z" }, "aggregate": { "count": 2 } },
							  { "keys": { "state": "ACTIVE", "createdAt": "2024-11-01T04:00:00Z" }, "aggregate": { "count": 1 } },
							  { "keys": { "state": "FINISHED", "createdAt": "2024-03-01T05:00:00Z" }, "aggregate": { "count": 1 } },
							  { "keys": { "state": "PAUSED", "createdAt": "2024-03-01T05:00:00Z" }, "aggregate": { "count": 1 } } ]""");
	}

	@Test
	void keepsGroupsMatchingHaving() {
		assertThat(states("having: { count: { gte: 2 } }")).containsExactly("ACTIVE");
		assertThat(states("having: { avg: { replyCount: { gt: 0.9 } } }")).containsExactly("FINISHED", "PAUSED");
		assertThat(states("having: { or: [{ count: { gte: 3 } }, { sum: { replyCount: { gte: 4 } } }] }"))
			.containsExactly("ACTIVE", "FINISHED");
		assertThat(states("having: { not: { count: { gte: 2 } } }")).containsExactly("FINISHED", "PAUSED");
		assertThat(
				states("having: { and: [{ min: { replyCount: { lte: 1 } } }, { max: { deliverCount: { lt: 10 } } }] }"))
			.containsExactly("ACTIVE");
		assertThat(states("having: { count: { eq: 1 }, sum: { replyCount: { ne: 4 } } }")).containsExactly("PAUSED");
	}

	@Test
	void ordersByCountThenByKeys() {
		assertThat(states("orderBy: [{ count: DESC }]")).containsExactly("ACTIVE", "FINISHED", "PAUSED");
		assertThat(states("orderBy: [{ count: ASC }]")).containsExactly("FINISHED", "PAUSED", "ACTIVE");
	}

	@Test
	void ordersByAnyAggregateOfAnyCounter() {
		assertThat(states("orderBy: [{ sum: { replyCount: ASC } }]")).containsExactly("PAUSED", "ACTIVE", "FINISHED");
		assertThat(states("orderBy: [{ avg: { replyCount: DESC } }]")).containsExactly("FINISHED", "PAUSED", "ACTIVE");
		assertThat(states("orderBy: [{ max: { deliverCount: DESC } }]")).containsExactly("FINISHED", "PAUSED",
				"ACTIVE");
		assertThat(states("orderBy: [{ min: { replyCount: ASC } }]")).containsExactly("ACTIVE", "PAUSED", "FINISHED");
	}

	@Test
	void ordersByKey() {
		assertThat(states("orderBy: [{ key: STATE, direction: DESC }]")).containsExactly("PAUSED", "FINISHED",
				"ACTIVE");
	}

	@Test
	void pagesThroughGroupsWithCursorsAndTotalCount() {
		String page = "query($after: String) { sequenceStateGroups(groupBy: [{ field: STATE }], orderBy: [{ count: DESC }], "
				+ "first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } "
				+ "edges { cursor node { keys { state } } } } }";
		GraphQlTester.Response first = this.graphQlTester.document(page).execute();
		first.path("sequenceStateGroups.totalCount").entity(Integer.class).isEqualTo(3);
		first.path("sequenceStateGroups.edges[*].node.keys.state")
			.entityList(String.class)
			.containsExactly("ACTIVE", "FINISHED");
		first.path("sequenceStateGroups.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String endCursor = first.path("sequenceStateGroups.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response second = this.graphQlTester.document(page).variable("after", endCursor).execute();
		second.path("sequenceStateGroups.edges[*].node.keys.state").entityList(String.class).containsExactly("PAUSED");
		second.path("sequenceStateGroups.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("sequenceStateGroups.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		second.path("sequenceStateGroups.totalCount").entity(Integer.class).isEqualTo(3);
	}

	@Test
	void countsGroupsAfterHaving() {
		this.graphQlTester
			.document(
					"{ sequenceStateGroups(groupBy: [{ field: STATE }], having: { count: { lt: 2 } }) { totalCount } }")
			.execute()
			.path("sequenceStateGroups.totalCount")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@Test
	void refusesCursorOfAnotherOrder() {
		String endCursor = this.graphQlTester
			.document("{ sequenceStateGroups(groupBy: [{ field: STATE }], first: 1) { pageInfo { endCursor } } }")
			.execute()
			.path("sequenceStateGroups.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.graphQlTester.document(
				"query($after: String) { sequenceStateGroups(groupBy: [{ field: STATE }], orderBy: [{ count: DESC }], "
						+ "first: 1, after: $after) { totalCount } }")
			.variable("after", endCursor)
			.execute()
			.errors()
			.expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("another orderBy or filter"))
			.verify();
	}

	@Test
	void appliesTheStatesFilterIncludingRelationships() {
		assertThat(states("filter: { sequence: { name: { eq: \"Follow-up\" } } }")).containsExactly("ACTIVE",
				"FINISHED");
	}

	private String firstKey(String unit, String zone) {
		return createdAtKeys(unit, zone).get(0);
	}

	private String lastKey(String unit, String zone) {
		List<String> keys = createdAtKeys(unit, zone);
		return keys.get(keys.size() - 1);
	}

	private List<String> createdAtKeys(String unit, String zone) {
		return this.graphQlTester
			.document("{ sequenceStateGroups(groupBy: [{ field: CREATED_AT, truncateTo: " + unit + " }]" + zone
					+ ") { edges { node { keys { createdAt } } } } }")
			.execute()
			.path("sequenceStateGroups.edges[*].node.keys.createdAt")
			.entityList(String.class)
			.get();
	}

	private List<String> states(String arguments) {
		return this.graphQlTester
			.document("{ sequenceStateGroups(groupBy: [{ field: STATE }], " + arguments
					+ ") { edges { node { keys { state } } } } }")
			.execute()
			.path("sequenceStateGroups.edges[*].node.keys.state")
			.entityList(String.class)
			.get();
	}

	private GraphQlTester.Path groups(String arguments, String selection) {
		return this.graphQlTester
			.document("{ sequenceStateGroups(" + arguments + ") { edges { node { " + selection + " } } } }")
			.execute()
			.path("sequenceStateGroups.edges[*].node");
	}

}
