package com.acme.gateway.security;

import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Each scope against each operation of this branch. A missing scope is {@code FORBIDDEN}
 * at the refused field's path; fields that need no scope still answer; a refused mutation
 * writes nothing.
 */
class ScopeIntegrationTests extends IntegrationTest {

	private long rep;

	private long stateId;

	@BeforeEach
	void oneState() {
		World world = this.fixtures.world();
		this.rep = world.user();
		this.stateId = this.fixtures.states(world, 1).get(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sequenceStates.read", "sequenceStates.all", "openid sequenceStates.read" })
	void readScopeAllowsSequenceStates(String scopes) {
		query(scopes, "{ sequenceStates(first: 5) { edges { node { id } } } }").path("sequenceStates.edges[0].node.id")
			.entity(String.class)
			.isEqualTo(String.valueOf(this.stateId));
	}

	@ParameterizedTest
	@ValueSource(strings = { "sequenceStates.read", "sequenceStates.all" })
	void readScopeAllowsSequenceState(String scopes) {
		query(scopes, "{ sequenceState(id: \"" + this.stateId + "\") { id } }").path("sequenceState.id")
			.entity(String.class)
			.isEqualTo(String.valueOf(this.stateId));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "sequenceStates.write", "sequenceStates.delete",
			"sequenceStates.write sequenceStates.delete" })
	void withoutReadScopeSequenceStatesIsForbidden(String scopes) {
		// sequenceStates is non-null, so its error nulls the whole data (GraphQL's null
		// propagation).
		query(scopes, "{ sequenceStates(first: 5) { totalCount } }").errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))
					&& error.getPath().equals("sequenceStates") && error.getMessage().contains("sequenceStates.read"))
			.verify();
	}

	@Test
	void withoutReadScopeSequenceStateIsForbiddenAndOtherFieldsAnswer() {
		GraphQlTester.Response response = query("sequenceStates.delete",
				"{ __typename one: sequenceState(id: \"" + this.stateId + "\") { id } }");

		response.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code")) && error.getPath().equals("one"))
			.verify();
		response.path("__typename").entity(String.class).isEqualTo("Query");
		response.path("one").valueIsNull();
	}

	@Test
	void theGuardedRootTypesAreTheSchemasRootTypes(@Autowired GraphQlSource source) {
		// ScopeGuard finds root fields by these names; a renamed root type would go
		// unguarded.
		org.assertj.core.api.Assertions.assertThat(source.schema().getQueryType().getName())
			.isEqualTo(ScopeGuard.QUERY);
		org.assertj.core.api.Assertions.assertThat(source.schema().getMutationType().getName())
			.isEqualTo(ScopeGuard.MUTATION);
	}

	@Test
	void refusedQueryRunsNoSql() {
		this.statements.reset();
		query("sequenceStates.write", "{ sequenceStates(first: 5) { totalCount } }").errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();
		// the user lookup of a new token is the only statement
		org.assertj.core.api.Assertions.assertThat(this.statements.count()).isLessThanOrEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "mutation($id: ID!) { pauseSequenceState(id: $id) { id } }",
			"mutation($id: ID!) { finishSequenceState(id: $id) { id } }",
			"mutation($id: ID!) { deleteSequenceState(id: $id) }" })
	void readOnlyTokenCannotChangeAnything(String mutation) {
		var before = stateRow();

		graphQlTester(this.rep, "sequenceStates.read").document(mutation)
			.variable("id", String.valueOf(this.stateId))
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code")))
			.verify();

		org.assertj.core.api.Assertions.assertThat(stateRow()).isEqualTo(before);
	}

	@Test
	void writeScopeDoesNotGrantDelete() {
		var before = stateRow();

		graphQlTester(this.rep, "sequenceStates.read sequenceStates.write")
			.document("mutation($id: ID!) { deleteSequenceState(id: $id) }")
			.variable("id", String.valueOf(this.stateId))
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("sequenceStates.delete"))
			.verify();

		org.assertj.core.api.Assertions.assertThat(stateRow()).isEqualTo(before);
	}

	@Test
	void writeScopePausesAndRecordsTheCallerAsActor() {
		graphQlTester(this.rep, "sequenceStates.write")
			.document("mutation($id: ID!) { pauseSequenceState(id: $id, reason: \"ooo\") { state } }")
			.variable("id", String.valueOf(this.stateId))
			.execute()
			.path("pauseSequenceState.state")
			.entity(String.class)
			.isEqualTo("PAUSED");

		var actor = this.fixtures.dsl()
			.select(com.acme.gateway.database.generated.Tables.SEQUENCE_STATE_TRANSITION.ACTOR_ID)
			.from(com.acme.gateway.database.generated.Tables.SEQUENCE_STATE_TRANSITION)
			.where(com.acme.gateway.database.generated.Tables.SEQUENCE_STATE_TRANSITION.SEQUENCE_STATE_ID
				.eq(this.stateId))
			.fetchSingle()
			.value1();
		org.assertj.core.api.Assertions.assertThat(actor).isEqualTo(this.rep);
	}

	private org.jooq.Record stateRow() {
		return this.fixtures.dsl()
			.fetchOne(com.acme.gateway.database.generated.Tables.SEQUENCE_STATE,
					com.acme.gateway.database.generated.Tables.SEQUENCE_STATE.ID.eq(this.stateId));
	}

	private GraphQlTester.Response query(String scopes, String document) {
		return graphQlTester(this.rep, scopes).document(document).execute();
	}

}
