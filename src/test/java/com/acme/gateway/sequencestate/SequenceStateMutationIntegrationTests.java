package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.CALL;
import static com.acme.gateway.database.generated.Tables.MAILING;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE_TRANSITION;
import static com.acme.gateway.database.generated.Tables.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.acme.gateway.database.generated.tables.records.SequenceStateRecord;
import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The mutations through HTTP against PostgreSQL: each row of the state machine, each
 * refusal.
 */
class SequenceStateMutationIntegrationTests extends IntegrationTest {

	private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(2019, 8, 24, 14, 15, 22, 0, ZoneOffset.UTC);

	// language=GraphQL
	private static final String STATE_FIELDS = """
			fragment StateFields on SequenceState {
			  id state activeAt createdAt updatedAt stateChangedAt pauseReason bounceCount replyCount
			  account { id } mailbox { id } opportunity { id } creator { id } prospect { id }
			  sequenceStep { id order }
			  transitions { id from to reason actor { id } at }
			}
			""";

	@Test
	void createsActiveStateOnFirstStepOfEnabledSequence() {
		World world = this.fixtures.world();
		long prospect = this.fixtures.prospect(world.account(), "Ada", "Lovelace", "ada@acme.example");
		long opportunity = this.fixtures.opportunity("Big deal", world.account());

		Map<String, Object> state = create(prospect, world.sequence(), world.mailbox(), opportunity)
			.path("createSequenceState")
			.entity(Map.class)
			.get();

		assertThat(state).containsEntry("state", "ACTIVE")
			.containsEntry("account", Map.of("id", String.valueOf(world.account())))
			.containsEntry("mailbox", Map.of("id", String.valueOf(world.mailbox())))
			.containsEntry("opportunity", Map.of("id", String.valueOf(opportunity)))
			.containsEntry("prospect", Map.of("id", String.valueOf(prospect)))
			.containsEntry("sequenceStep", Map.of("id", String.valueOf(world.firstStep()), "order", 1))
			.containsEntry("creator", Map.of("id", String.valueOf(this.adminId)))
			.containsEntry("pauseReason", null)
			.containsEntry("bounceCount", 0);
		assertThat(state.get("activeAt")).isNotNull()
			.isEqualTo(state.get("createdAt"))
			.isEqualTo(state.get("updatedAt"))
			.isEqualTo(state.get("stateChangedAt"));
		assertThat((List<?>) state.get("transitions")).singleElement()
			.satisfies(transition -> assertThat(asMap(transition)).containsEntry("from", null)
				.containsEntry("to", "ACTIVE")
				.containsEntry("reason", null)
				.containsEntry("actor", Map.of("id", String.valueOf(this.adminId)))
				.containsEntry("at", state.get("createdAt")));
	}

	@Test
	void createsPendingStateInDisabledSequence() {
		World world = this.fixtures.world();
		long disabled = this.fixtures.sequence("Paused campaign", false, world.user());
		long firstStep = this.fixtures.step(disabled, 1, "auto_email");
		long prospect = this.fixtures.prospect(world.account(), "Ada", "Lovelace");

		Map<String, Object> state = create(prospect, disabled, world.mailbox(), null).path("createSequenceState")
			.entity(Map.class)
			.get();

		assertThat(state).containsEntry("state", "PENDING")
			.containsEntry("activeAt", null)
			.containsEntry("opportunity", null)
			.containsEntry("sequenceStep", Map.of("id", String.valueOf(firstStep), "order", 1));
		assertThat(state.get("stateChangedAt")).isEqualTo(state.get("createdAt"));
	}

	@Test
	void refusesSecondLiveStateOfProspectInSequence() {
		World world = this.fixtures.world();
		long prospect = this.fixtures.prospect(world.account(), "Ada", "Lovelace");
		this.fixtures.state(prospect, world.sequence(), row -> row.setState(SequenceStateStatus.PAUSED));
		Snapshot before = snapshot();

		expectRefusal(create(prospect, world.sequence(), world.mailbox(), null), "CONFLICT",
				Map.of("prospectId", String.valueOf(prospect), "sequenceId", String.valueOf(world.sequence())));

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void enrolsProspectAgainAfterItsStateFinished() {
		World world = this.fixtures.world();
		long prospect = this.fixtures.prospect(world.account(), "Ada", "Lovelace");
		this.fixtures.state(prospect, world.sequence(), row -> row.setState(SequenceStateStatus.FINISHED));

		create(prospect, world.sequence(), world.mailbox(), null).path("createSequenceState.state")
			.entity(String.class)
			.isEqualTo("ACTIVE");
	}

	@Test
	void refusesCreateNamingEachMissingRow() {
		World world = this.fixtures.world();
		long prospect = this.fixtures.prospect(world.account(), "Ada", "Lovelace");
		Snapshot before = snapshot();

		expectRefusal(create(9001, world.sequence(), world.mailbox(), null), "NOT_FOUND",
				Map.of("argument", "input.prospectId", "id", "9001"));
		expectRefusal(create(prospect, 9002, world.mailbox(), null), "NOT_FOUND",
				Map.of("argument", "input.sequenceId", "id", "9002"));
		expectRefusal(create(prospect, world.sequence(), 9003, null), "NOT_FOUND",
				Map.of("argument", "input.mailboxId", "id", "9003"));
		expectRefusal(create(prospect, world.sequence(), world.mailbox(), 9004L), "NOT_FOUND",
				Map.of("argument", "input.opportunityId", "id", "9004"));

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void refusesCreateInSequenceWithoutSteps() {
		World world = this.fixtures.world();
		long empty = this.fixtures.sequence("No steps yet", true, world.user());
		long prospect = this.fixtures.prospect(world.account(), "Ada", "Lovelace");
		Snapshot before = snapshot();

		expectRefusal(create(prospect, empty, world.mailbox(), null), "BAD_USER_INPUT", Map.of());

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void pausesActiveSequenceState() {
		World world = this.fixtures.world();
		long id = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "Lovelace"), world.sequence(),
				row -> longAgo(row).setBounceCount(3));

		Map<String, Object> state = mutate("pauseSequenceState(id: $id, reason: $reason)", id, "out of office")
			.path("pauseSequenceState")
			.entity(Map.class)
			.get();

		assertThat(state).containsEntry("state", "PAUSED")
			.containsEntry("pauseReason", "out of office")
			.containsEntry("bounceCount", 3)
			.containsEntry("activeAt", "2019-08-24T14:15:22Z")
			.containsEntry("createdAt", "2019-08-24T14:15:22Z");
		assertThat(state.get("stateChangedAt")).isNotEqualTo("2019-08-24T14:15:22Z").isEqualTo(state.get("updatedAt"));
		assertThat((List<?>) state.get("transitions")).singleElement()
			.satisfies(transition -> assertThat(asMap(transition)).containsEntry("from", "ACTIVE")
				.containsEntry("to", "PAUSED")
				.containsEntry("reason", "out of office")
				.containsEntry("at", state.get("stateChangedAt")));
	}

	@Test
	void acceptsPauseReasonOfExactly255Characters() {
		long id = activeState(row -> {
		});
		String reason = "é".repeat(255);

		mutate("pauseSequenceState(id: $id, reason: $reason)", id, reason).path("pauseSequenceState.pauseReason")
			.entity(String.class)
			.isEqualTo(reason);
	}

	@Test
	void refusesPauseReasonLongerThan255Characters() {
		long id = activeState(row -> {
		});
		Snapshot before = snapshot();

		expectRefusal(mutate("pauseSequenceState(id: $id, reason: $reason)", id, "x".repeat(256)), "BAD_USER_INPUT",
				Map.of());

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void resumesPausedSequenceState() {
		long id = activeState(row -> longAgo(row).setState(SequenceStateStatus.PAUSED));
		this.fixtures.dsl()
			.update(SEQUENCE_STATE)
			.set(SEQUENCE_STATE.PAUSE_REASON, "out of office")
			.where(SEQUENCE_STATE.ID.eq(id))
			.execute();

		Map<String, Object> state = mutate("resumeSequenceState(id: $id)", id, null).path("resumeSequenceState")
			.entity(Map.class)
			.get();

		assertThat(state).containsEntry("state", "ACTIVE").containsEntry("pauseReason", "out of office");
		assertThat(state.get("activeAt")).isNotEqualTo("2019-08-24T14:15:22Z")
			.isEqualTo(state.get("stateChangedAt"))
			.isEqualTo(state.get("updatedAt"));
		assertThat((List<?>) state.get("transitions")).singleElement()
			.satisfies(transition -> assertThat(asMap(transition)).containsEntry("from", "PAUSED")
				.containsEntry("to", "ACTIVE"));
	}

	@ParameterizedTest
	@EnumSource(names = { "PENDING", "ACTIVE", "PAUSED" })
	void finishesLiveSequenceState(SequenceStateStatus from) {
		long id = activeState(row -> longAgo(row).setState(from));

		Map<String, Object> state = mutate("finishSequenceState(id: $id)", id, null).path("finishSequenceState")
			.entity(Map.class)
			.get();

		assertThat(state).containsEntry("state", "FINISHED").containsEntry("activeAt", "2019-08-24T14:15:22Z");
		assertThat(state.get("stateChangedAt")).isEqualTo(state.get("updatedAt")).isNotEqualTo("2019-08-24T14:15:22Z");
		assertThat((List<?>) state.get("transitions")).singleElement()
			.satisfies(transition -> assertThat(asMap(transition)).containsEntry("from", from.name())
				.containsEntry("to", "FINISHED"));
	}

	@ParameterizedTest
	@EnumSource(names = { "PAUSED", "PENDING", "FINISHED", "DISABLED", "FAILED", "BOUNCED", "OPTED_OUT" })
	void refusesPauseOfStateThatIsNotActive(SequenceStateStatus current) {
		expectInvalidTransition("pauseSequenceState(id: $id)", current, "PAUSE");
	}

	@ParameterizedTest
	@EnumSource(names = { "ACTIVE", "PENDING", "FINISHED", "DISABLED", "FAILED", "BOUNCED", "OPTED_OUT" })
	void refusesResumeOfStateThatIsNotPaused(SequenceStateStatus current) {
		expectInvalidTransition("resumeSequenceState(id: $id)", current, "RESUME");
	}

	@ParameterizedTest
	@EnumSource(names = { "FINISHED", "DISABLED", "FAILED", "BOUNCED", "OPTED_OUT" })
	void refusesFinishOfStoppedState(SequenceStateStatus current) {
		expectInvalidTransition("finishSequenceState(id: $id)", current, "FINISH");
	}

	@Test
	void refusesEveryActionOnMissingState() {
		activeState(row -> {
		});
		Snapshot before = snapshot();

		for (String call : List.of("pauseSequenceState(id: $id)", "resumeSequenceState(id: $id)",
				"finishSequenceState(id: $id)")) {
			expectRefusal(mutate(call, 987654, null), "NOT_FOUND", Map.of("id", "987654"));
		}
		expectRefusal(delete(987654), "NOT_FOUND", Map.of("id", "987654"));

		assertThat(snapshot()).isEqualTo(before);
	}

	@ParameterizedTest
	@EnumSource(SequenceStateStatus.class)
	void deletesStateInAnyStatus(SequenceStateStatus current) {
		long id = activeState(row -> row.setState(current));

		delete(id).path("deleteSequenceState").entity(String.class).isEqualTo(String.valueOf(id));

		this.graphQlTester.document("{ sequenceState(id: " + id + ") { id } }")
			.execute()
			.path("sequenceState")
			.valueIsNull();
	}

	@Test
	void deleteKeepsMailingsTasksAndCallsUnlinked() {
		World world = this.fixtures.world();
		long id = this.fixtures.states(world, 1).get(0);
		long other = this.fixtures.states(world, 1).get(0);
		long mailing = this.fixtures.mailing(id, world.firstStep(), "delivered", LONG_AGO);
		long task = this.fixtures.task(id, world.firstStep(), "incomplete", LONG_AGO);
		long call = this.fixtures.call(id, "answered");
		long othersCall = this.fixtures.call(other, "voicemail");

		delete(id).path("deleteSequenceState").entity(String.class).isEqualTo(String.valueOf(id));

		var dsl = this.fixtures.dsl();
		assertThat(dsl.fetchValue(MAILING.SEQUENCE_STATE_ID, MAILING.ID.eq(mailing))).isNull();
		assertThat(dsl.fetchValue(TASK.SEQUENCE_STATE_ID, TASK.ID.eq(task))).isNull();
		assertThat(dsl.fetchValue(CALL.SEQUENCE_STATE_ID, CALL.ID.eq(call))).isNull();
		assertThat(dsl.fetchValue(CALL.SEQUENCE_STATE_ID, CALL.ID.eq(othersCall))).isEqualTo(other);
		assertThat(dsl.fetchCount(SEQUENCE_STATE)).isEqualTo(1);
	}

	@Test
	void historyOutlivesDeletedStateAndEndsWithTheDeletion() {
		long id = activeState(row -> {
		});
		mutate("pauseSequenceState(id: $id, reason: $reason)", id, "holiday").path("pauseSequenceState.state")
			.entity(String.class)
			.isEqualTo("PAUSED");

		delete(id).path("deleteSequenceState").entity(String.class).isEqualTo(String.valueOf(id));

		List<Record> history = this.fixtures.dsl()
			.select(SEQUENCE_STATE_TRANSITION.FROM_STATE, SEQUENCE_STATE_TRANSITION.TO_STATE,
					SEQUENCE_STATE_TRANSITION.REASON)
			.from(SEQUENCE_STATE_TRANSITION)
			.where(SEQUENCE_STATE_TRANSITION.SEQUENCE_STATE_ID.eq(id))
			.orderBy(SEQUENCE_STATE_TRANSITION.ID)
			.fetch()
			.map(row -> (Record) row);
		assertThat(history).extracting(row -> row.get(SEQUENCE_STATE_TRANSITION.FROM_STATE),
				row -> row.get(SEQUENCE_STATE_TRANSITION.TO_STATE), row -> row.get(SEQUENCE_STATE_TRANSITION.REASON))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(SequenceStateStatus.ACTIVE, SequenceStateStatus.PAUSED,
					"holiday"), org.assertj.core.groups.Tuple.tuple(SequenceStateStatus.PAUSED, null, null));
	}

	@Test
	void transitionsListEveryChangeOldestFirst() {
		World world = this.fixtures.world();
		long prospect = this.fixtures.prospect(world.account(), "Ada", "Lovelace");
		String id = create(prospect, world.sequence(), world.mailbox(), null).path("createSequenceState.id")
			.entity(String.class)
			.get();
		long stateId = Long.parseLong(id);
		mutate("pauseSequenceState(id: $id, reason: $reason)", stateId, "out of office").path("pauseSequenceState.id")
			.hasValue();
		mutate("resumeSequenceState(id: $id)", stateId, null).path("resumeSequenceState.id").hasValue();
		mutate("pauseSequenceState(id: $id)", stateId, null).path("pauseSequenceState.id").hasValue();

		List<Map<String, Object>> transitions = mutate("finishSequenceState(id: $id)", stateId, null)
			.path("finishSequenceState.transitions")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();

		assertThat(transitions).extracting(t -> t.get("from"), t -> t.get("to"), t -> t.get("reason"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, "ACTIVE", null),
					org.assertj.core.groups.Tuple.tuple("ACTIVE", "PAUSED", "out of office"),
					org.assertj.core.groups.Tuple.tuple("PAUSED", "ACTIVE", null),
					org.assertj.core.groups.Tuple.tuple("ACTIVE", "PAUSED", null),
					org.assertj.core.groups.Tuple.tuple("PAUSED", "FINISHED", null));
		// every call came with the base class's admin token
		assertThat(transitions).extracting(t -> t.get("actor"))
			.containsOnly(Map.of("id", String.valueOf(this.adminId)));
		List<OffsetDateTime> times = transitions.stream().map(t -> OffsetDateTime.parse((String) t.get("at"))).toList();
		assertThat(times).isSorted();
		assertThat(transitions).extracting(t -> Long.parseLong((String) t.get("id"))).isSorted();
	}

	@Test
	void loadsTransitionsOfAWholePageWithOneQuery() {
		World world = this.fixtures.world();
		List<Long> ids = this.fixtures.states(world, 5);
		long actor = this.fixtures.user("actor@example.com", "admin");
		for (long id : ids) {
			this.fixtures.dsl()
				.insertInto(SEQUENCE_STATE_TRANSITION)
				.set(SEQUENCE_STATE_TRANSITION.SEQUENCE_STATE_ID, id)
				.set(SEQUENCE_STATE_TRANSITION.TO_STATE, SequenceStateStatus.ACTIVE)
				.set(SEQUENCE_STATE_TRANSITION.ACTOR_ID, actor)
				.execute();
		}
		this.statements.reset();

		this.graphQlTester
			.document("{ sequenceStates(first: 10) { edges { node { id transitions { to actor { id email } } } } } }")
			.execute()
			.path("sequenceStates.edges[*].node.transitions[*].actor.email")
			.entityList(String.class)
			.hasSize(5)
			.contains("actor@example.com");

		// the page, the transitions of all its states, the actors of all those
		// transitions
		assertThat(this.statements.count()).isEqualTo(3);
	}

	private void expectInvalidTransition(String call, SequenceStateStatus current, String action) {
		long id = activeState(row -> row.setState(current));
		Snapshot before = snapshot();

		expectRefusal(mutate(call, id, null), "INVALID_STATE_TRANSITION",
				Map.of("id", String.valueOf(id), "currentState", current.name(), "action", action));

		assertThat(snapshot()).isEqualTo(before);
	}

	private long activeState(Consumer<SequenceStateRecord> columns) {
		World world = this.fixtures.world();
		return this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "Lovelace"), world.sequence(),
				row -> {
					row.setAccountId(world.account());
					row.setSequenceStepId(world.firstStep());
					columns.accept(row);
				});
	}

	private static SequenceStateRecord longAgo(SequenceStateRecord row) {
		row.setCreatedAt(LONG_AGO);
		row.setUpdatedAt(LONG_AGO);
		row.setStateChangedAt(LONG_AGO);
		row.setActiveAt(LONG_AGO);
		return row;
	}

	private GraphQlTester.Response create(long prospect, long sequence, long mailbox, Long opportunity) {
		// language=GraphQL
		String document = """
				mutation Create($input: CreateSequenceStateInput!) {
				  createSequenceState(input: $input) { ...StateFields }
				}
				""" + STATE_FIELDS;
		Map<String, Object> input = new java.util.HashMap<>(Map.of("prospectId", String.valueOf(prospect), "sequenceId",
				String.valueOf(sequence), "mailboxId", String.valueOf(mailbox)));
		input.put("opportunityId", (opportunity != null) ? String.valueOf(opportunity) : null);
		return this.graphQlTester.document(document).variable("input", input).execute();
	}

	/** Runs {@code mutation($id: ID!, $reason: String) { <call> { ...StateFields } }}. */
	private GraphQlTester.Response mutate(String call, long id, String reason) {
		String document = "mutation Change($id: ID!" + (call.contains("$reason") ? ", $reason: String" : "") + ") { "
				+ call + " { ...StateFields } }\n" + STATE_FIELDS;
		var request = this.graphQlTester.document(document).variable("id", String.valueOf(id));
		return (call.contains("$reason") ? request.variable("reason", reason) : request).execute();
	}

	private GraphQlTester.Response delete(long id) {
		return this.graphQlTester.document("mutation Delete($id: ID!) { deleteSequenceState(id: $id) }")
			.variable("id", String.valueOf(id))
			.execute();
	}

	private static void expectRefusal(GraphQlTester.Response response, String code, Map<String, Object> extensions) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", code).containsAllEntriesOf(extensions);
			assertThat(error.getMessage()).doesNotContain("Exception", "sequence_state", "SQL");
		}));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object json) {
		return (Map<String, Object>) json;
	}

	/** Everything a mutation could write: the states and the history, row by row. */
	private Snapshot snapshot() {
		var dsl = this.fixtures.dsl();
		return new Snapshot(dsl.selectFrom(SEQUENCE_STATE).orderBy(SEQUENCE_STATE.ID).fetch().intoMaps(),
				dsl.selectFrom(SEQUENCE_STATE_TRANSITION).orderBy(SEQUENCE_STATE_TRANSITION.ID).fetch().intoMaps());
	}

	private record Snapshot(List<Map<String, Object>> states, List<Map<String, Object>> transitions) {
	}

}
