package com.acme.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sequenceStatesAggregate} over {@link AggregateFixture}: every aggregate,
 * exactly, in one statement.
 */
class SequenceStatesAggregateIntegrationTests extends IntegrationTest {

	private AggregateFixture fixture;

	@BeforeEach
	void fiveStates() {
		this.fixture = AggregateFixture.write(this.fixtures);
		this.statements.reset();
	}

	@Test
	void answersEveryAggregateInOneStatement() {
		// language=GraphQL
		String document = """
				{ sequenceStatesAggregate {
				    count
				    sum { deliverCount replyCount }
				    avg { replyCount }
				    min { replyCount createdAt activeAt }
				    max { deliverCount createdAt }
				    distinctCount { sequence mailbox opportunity account prospect creator sequenceStep }
				} }""";
		postAsAdmin("{\"query\":" + quoted(document) + "}").expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.sequenceStatesAggregate.count")
			.isEqualTo(5)
			// Past 32 bits, and a JSON number rather than a string.
			.jsonPath("$.data.sequenceStatesAggregate.sum.deliverCount")
			.isEqualTo(4294967302L)
			.jsonPath("$.data.sequenceStatesAggregate.sum.replyCount")
			.isEqualTo(7)
			.jsonPath("$.data.sequenceStatesAggregate.avg.replyCount")
			.isEqualTo(1.4)
			.jsonPath("$.data.sequenceStatesAggregate.min.replyCount")
			.isEqualTo(0)
			.jsonPath("$.data.sequenceStatesAggregate.min.createdAt")
			.isEqualTo("2024-03-10T04:30:00Z")
			.jsonPath("$.data.sequenceStatesAggregate.min.activeAt")
			.isEmpty()
			.jsonPath("$.data.sequenceStatesAggregate.max.deliverCount")
			.isEqualTo(Integer.MAX_VALUE)
			.jsonPath("$.data.sequenceStatesAggregate.max.createdAt")
			.isEqualTo("2024-11-04T04:30:00Z")
			.jsonPath("$.data.sequenceStatesAggregate.distinctCount.sequence")
			.isEqualTo(2)
			.jsonPath("$.data.sequenceStatesAggregate.distinctCount.mailbox")
			.isEqualTo(2)
			.jsonPath("$.data.sequenceStatesAggregate.distinctCount.opportunity")
			.isEqualTo(1)
			.jsonPath("$.data.sequenceStatesAggregate.distinctCount.account")
			.isEqualTo(1)
			.jsonPath("$.data.sequenceStatesAggregate.distinctCount.prospect")
			.isEqualTo(5)
			.jsonPath("$.data.sequenceStatesAggregate.distinctCount.creator")
			.isEqualTo(0)
			.jsonPath("$.data.sequenceStatesAggregate.distinctCount.sequenceStep")
			.isEqualTo(0);
		assertThat(this.statements.count()).isEqualTo(1);
	}

	@Test
	void averagesAreNullAndSumsZeroOverNoStates() {
		this.graphQlTester.document("{ sequenceStatesAggregate(filter: { replyCount: { gt: 100 } }) "
				+ "{ count sum { replyCount } avg { replyCount } min { replyCount createdAt } max { openCount } } }")
			.execute()
			.path("sequenceStatesAggregate")
			.matchesJson("""
					{ "count": 0, "sum": { "replyCount": 0 }, "avg": { "replyCount": null },
					  "min": { "replyCount": null, "createdAt": null }, "max": { "openCount": null } }""");
	}

	@Test
	void appliesRelationshipFilters() {
		this.graphQlTester
			.document("{ sequenceStatesAggregate(filter: { mailbox: { email: { eq: \"second@acme.example\" } }, "
					+ "or: [{ state: { eq: PAUSED } }, { opportunity: { id: { eq: \"" + this.fixture.opportunity()
					+ "\" } } }] }) { count sum { replyCount } } }")
			.execute()
			.path("sequenceStatesAggregate")
			.matchesJson("{ \"count\": 2, \"sum\": { \"replyCount\": 5 } }");
	}

	@Test
	void refusesTokenWithoutReadScope() {
		graphQlTester(this.adminId, "sequenceStates.write").document("{ sequenceStatesAggregate { count } }")
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
		assertThat(this.statements.count()).isZero();
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
