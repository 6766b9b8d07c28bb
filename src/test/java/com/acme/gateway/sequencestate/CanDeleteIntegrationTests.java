package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code canDelete} for a matrix of callers (admin, the states' creator, another rep) ×
 * token scopes × states (created by the rep, by the admin, by nobody). Each {@link Case}
 * states the expected answer per state by hand, not by calling the policy, so the test
 * checks the rule. The same cases drive a second test that deletes each state and expects
 * success exactly where {@code canDelete} was true, and FORBIDDEN with the state
 * untouched everywhere else.
 */
class CanDeleteIntegrationTests extends IntegrationTest {

	/** The callers of the matrix. */
	enum Caller {

		ADMIN, CREATOR, OTHER_REP

	}

	/** The states of the matrix. */
	enum State {

		BY_CREATOR, BY_ADMIN, WITHOUT_CREATOR

	}

	/** One row: a caller with some scopes, and which states it may delete. */
	record Case(Caller caller, String scopes, List<State> deletable) {

		boolean mayDelete(State state) {
			return this.deletable.contains(state);
		}

	}

	static Stream<Case> matrix() {
		List<State> all = List.of(State.values());
		return Stream.of(new Case(Caller.ADMIN, "sequenceStates.read", List.of()),
				new Case(Caller.ADMIN, "sequenceStates.read sequenceStates.delete", all),
				new Case(Caller.ADMIN, "sequenceStates.all", all),
				new Case(Caller.CREATOR, "sequenceStates.read", List.of()),
				new Case(Caller.CREATOR, "sequenceStates.read sequenceStates.delete", List.of(State.BY_CREATOR)),
				new Case(Caller.CREATOR, "sequenceStates.all", List.of(State.BY_CREATOR)),
				new Case(Caller.OTHER_REP, "sequenceStates.read", List.of()),
				new Case(Caller.OTHER_REP, "sequenceStates.read sequenceStates.delete", List.of()),
				new Case(Caller.OTHER_REP, "sequenceStates.all", List.of()));
	}

	private final Map<Caller, Long> callers = new java.util.EnumMap<>(Caller.class);

	private final Map<State, Long> states = new java.util.EnumMap<>(State.class);

	@BeforeEach
	void callersAndStates() {
		World world = this.fixtures.world();
		this.callers.put(Caller.ADMIN, this.fixtures.user("admin@example.com", "admin"));
		this.callers.put(Caller.CREATOR, world.user());
		this.callers.put(Caller.OTHER_REP, this.fixtures.user("other-rep@example.com", "rep"));
		this.states.put(State.BY_CREATOR, stateCreatedBy(world, world.user(), "creator"));
		this.states.put(State.BY_ADMIN, stateCreatedBy(world, this.callers.get(Caller.ADMIN), "admin"));
		this.states.put(State.WITHOUT_CREATOR, stateCreatedBy(world, null, "nobody"));
	}

	@ParameterizedTest
	@MethodSource("matrix")
	void canDeleteFollowsScopeAndOwnership(Case row) {
		for (State state : State.values()) {
			boolean canDelete = graphQlTester(this.callers.get(row.caller()), row.scopes())
				.document("{ sequenceState(id: \"" + this.states.get(state) + "\") { canDelete } }")
				.execute()
				.path("sequenceState.canDelete")
				.entity(Boolean.class)
				.get();
			assertThat(canDelete).as("%s with %s on %s", row.caller(), row.scopes(), state)
				.isEqualTo(row.mayDelete(state));
		}
	}

	@ParameterizedTest
	@MethodSource("matrix")
	void deleteSucceedsExactlyWhereCanDeleteSaidSo(Case row) {
		for (State state : State.values()) {
			long id = this.states.get(state);
			var caller = graphQlTester(this.callers.get(row.caller()), row.scopes());
			boolean promised = caller.document("{ sequenceState(id: \"" + id + "\") { canDelete } }")
				.execute()
				.path("sequenceState.canDelete")
				.entity(Boolean.class)
				.get();

			List<org.springframework.graphql.ResponseError> errors = new java.util.ArrayList<>();
			caller.document("mutation { deleteSequenceState(id: \"" + id + "\") }")
				.execute()
				.errors()
				.satisfy(errors::addAll);

			String what = "%s with %s deleting %s".formatted(row.caller(), row.scopes(), state);
			assertThat(errors.isEmpty()).as(what).isEqualTo(promised).isEqualTo(row.mayDelete(state));
			if (!errors.isEmpty()) {
				assertThat(errors).as(what).allMatch(error -> "FORBIDDEN".equals(error.getExtensions().get("code")));
			}
			boolean stillThere = this.fixtures.dsl()
				.fetchExists(com.acme.gateway.database.generated.Tables.SEQUENCE_STATE,
						com.acme.gateway.database.generated.Tables.SEQUENCE_STATE.ID.eq(id));
			assertThat(stillThere).as(what).isEqualTo(!promised);
		}
	}

	@Test
	void canDeleteOnPageRunsNoExtraSql() {
		int without = statementsFor("{ sequenceStates(first: 10) { edges { node { id } } } }");
		int with = statementsFor("{ sequenceStates(first: 10) { edges { node { id canDelete } } } }");

		assertThat(with).isEqualTo(without);
	}

	private int statementsFor(String document) {
		this.statements.reset();
		this.graphQlTester.document(document).execute().errors().verify();
		return this.statements.count();
	}

	private long stateCreatedBy(World world, Long creator, String name) {
		long prospect = this.fixtures.prospect(world.account(), name, "Prospect", name + "@acme.example");
		return this.fixtures.state(prospect, world.sequence(), row -> row.setCreatorId(creator));
	}

}
