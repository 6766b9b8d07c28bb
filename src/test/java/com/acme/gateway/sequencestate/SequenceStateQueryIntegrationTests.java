package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** {@code sequenceState(id)} against rows written straight into the tables. */
class SequenceStateQueryIntegrationTests extends IntegrationTest {

	private static final OffsetDateTime CREATED = OffsetDateTime.of(2019, 8, 24, 14, 15, 22, 0, ZoneOffset.UTC);

	@Test
	void resolvesEveryAttribute() {
		World world = this.fixtures.world();
		long prospect = this.fixtures.prospect(world.account(), "Ada", "Lovelace", "ada@acme.example");
		long id = this.fixtures.state(prospect, world.sequence(), row -> {
			row.setState(SequenceStateStatus.OPTED_OUT);
			row.setActiveAt(CREATED.plusHours(1));
			row.setCallCompletedAt(CREATED.plusHours(2));
			row.setCreatedAt(CREATED);
			row.setRepliedAt(CREATED.plusHours(3).plusNanos(123_456_000));
			row.setStateChangedAt(CREATED.plusHours(4));
			row.setUpdatedAt(CREATED.plusHours(5));
			row.setBounceCount(1);
			row.setClickCount(2);
			row.setDeliverCount(3);
			row.setFailureCount(4);
			row.setNegativeReplyCount(5);
			row.setNeutralReplyCount(6);
			row.setOpenCount(7);
			row.setOptOutCount(8);
			row.setPositiveReplyCount(9);
			row.setReplyCount(10);
			row.setScheduleCount(11);
			row.setErrorReason("mailbox rejected");
			row.setPauseReason("out of office");
		});

		Map<String, Object> state = this.graphQlTester.documentName("everyField")
			.variable("id", id)
			.execute()
			.path("sequenceState")
			.entity(Map.class)
			.get();

		assertThat(state).containsEntry("id", String.valueOf(id))
			.containsEntry("state", "OPTED_OUT")
			.containsEntry("createdAt", "2019-08-24T14:15:22Z")
			.containsEntry("activeAt", "2019-08-24T15:15:22Z")
			.containsEntry("callCompletedAt", "2019-08-24T16:15:22Z")
			.containsEntry("repliedAt", "2019-08-24T17:15:22.123456Z")
			.containsEntry("stateChangedAt", "2019-08-24T18:15:22Z")
			.containsEntry("updatedAt", "2019-08-24T19:15:22Z")
			.containsEntry("bounceCount", 1)
			.containsEntry("clickCount", 2)
			.containsEntry("deliverCount", 3)
			.containsEntry("failureCount", 4)
			.containsEntry("negativeReplyCount", 5)
			.containsEntry("neutralReplyCount", 6)
			.containsEntry("openCount", 7)
			.containsEntry("optOutCount", 8)
			.containsEntry("positiveReplyCount", 9)
			.containsEntry("replyCount", 10)
			.containsEntry("scheduleCount", 11)
			.containsEntry("errorReason", "mailbox rejected")
			.containsEntry("pauseReason", "out of office");
	}

	@Test
	void resolvesEveryToOneRelationship() {
		World world = this.fixtures.world();
		long admin = this.fixtures.user("admin@example.com", "admin");
		long prospect = this.fixtures.prospect(world.account(), "Ada", "Lovelace", "ada@acme.example",
				"ada@home.example");
		long opportunity = this.fixtures.opportunity("Big deal", world.account());
		long batchItem = this.fixtures.batchItem("processed");
		long id = this.fixtures.state(prospect, world.sequence(), row -> {
			row.setAccountId(world.account());
			row.setCreatorId(admin);
			row.setMailboxId(world.mailbox());
			row.setOpportunityId(opportunity);
			row.setBatchItemCreatorId(batchItem);
			row.setSequenceStepId(world.secondStep());
		});

		var response = this.graphQlTester.documentName("everyField").variable("id", id).execute();

		response.path("sequenceState.account")
			.entity(Map.class)
			.isEqualTo(Map.of("id", String.valueOf(world.account()), "name", "Acme", "domain", "acme.example"));
		response.path("sequenceState.creator")
			.entity(Map.class)
			.isEqualTo(Map.of("id", String.valueOf(admin), "email", "admin@example.com", "role", "admin"));
		response.path("sequenceState.mailbox")
			.entity(Map.class)
			.isEqualTo(Map.of("id", String.valueOf(world.mailbox()), "email", "rep@acme.example", "user",
					Map.of("id", String.valueOf(world.user()))));
		response.path("sequenceState.opportunity")
			.entity(Map.class)
			.isEqualTo(Map.of("id", String.valueOf(opportunity), "name", "Big deal", "account",
					Map.of("id", String.valueOf(world.account()))));
		response.path("sequenceState.batchItemCreator")
			.entity(Map.class)
			.isEqualTo(Map.of("id", String.valueOf(batchItem), "status", "processed"));
		response.path("sequenceState.prospect")
			.entity(Map.class)
			.isEqualTo(Map.of("id", String.valueOf(prospect), "firstName", "Ada", "lastName", "Lovelace", "emails",
					List.of("ada@acme.example", "ada@home.example"), "account",
					Map.of("id", String.valueOf(world.account()))));
		response.path("sequenceState.sequence")
			.entity(Map.class)
			.isEqualTo(Map.of("id", String.valueOf(world.sequence()), "name", "Outreach", "enabled", true,
					"sequenceType", "interval", "owner", Map.of("id", String.valueOf(world.user()))));
		response.path("sequenceState.sequenceStep")
			.entity(Map.class)
			.isEqualTo(Map.of("id", String.valueOf(world.secondStep()), "order", 2, "stepType", "call", "sequence",
					Map.of("id", String.valueOf(world.sequence()))));
	}

	@Test
	void resolvesUnsetToOneRelationshipsAsNull() {
		World world = this.fixtures.world();
		long prospect = this.fixtures.prospect(null, "No", "Links");
		long id = this.fixtures.state(prospect, world.sequence(), row -> {
		});

		var response = this.graphQlTester.documentName("everyField").variable("id", id).execute();

		for (String relationship : List.of("account", "batchItemCreator", "creator", "mailbox", "opportunity",
				"sequenceStep")) {
			response.path("sequenceState." + relationship).valueIsNull();
		}
		response.path("sequenceState.prospect.emails").entityList(String.class).hasSize(0);
		response.path("sequenceState.activeStepMailings").entityList(Object.class).hasSize(0);
		response.path("sequenceState.activeStepTasks").entityList(Object.class).hasSize(0);
	}

	@Test
	void resolvesToManyRelationshipsInIdOrder() {
		World world = this.fixtures.world();
		long id = this.fixtures.states(world, 1).get(0);
		long other = this.fixtures.states(world, 1).get(0);
		long secondMailing = this.fixtures.mailing(id, world.firstStep(), "delivered", CREATED);
		long firstOthers = this.fixtures.mailing(other, world.firstStep(), "delivered", CREATED);
		long thirdMailing = this.fixtures.mailing(id, world.secondStep(), "scheduled", null);
		long task = this.fixtures.task(id, world.firstStep(), "complete", CREATED);
		long call = this.fixtures.call(id, "answered");
		this.fixtures.call(other, "no_answer");

		var response = this.graphQlTester.documentName("everyField").variable("id", id).execute();

		response.path("sequenceState.mailings[*].id")
			.entityList(String.class)
			.containsExactly(String.valueOf(secondMailing), String.valueOf(thirdMailing));
		response.path("sequenceState.tasks[*].id").entityList(String.class).containsExactly(String.valueOf(task));
		response.path("sequenceState.calls[*]")
			.entityList(Map.class)
			.containsExactly(Map.of("id", String.valueOf(call), "outcome", "answered"));
		assertThat(firstOthers).isNotEqualTo(secondMailing);
	}

	@Test
	void activeStepMailingsAreTheUndeliveredOnesOfTheCurrentStep() {
		World world = this.fixtures.world();
		long id = this.fixtures.states(world, 1).get(0); // current step: the first
		this.fixtures.mailing(id, world.firstStep(), "delivered", CREATED);
		long undelivered = this.fixtures.mailing(id, world.firstStep(), "scheduled", null);
		this.fixtures.mailing(id, world.secondStep(), "scheduled", null);

		var response = this.graphQlTester.documentName("everyField").variable("id", id).execute();

		response.path("sequenceState.activeStepMailings[*].id")
			.entityList(String.class)
			.containsExactly(String.valueOf(undelivered));
		response.path("sequenceState.activeStepMailings[0].deliveredAt").valueIsNull();
		response.path("sequenceState.activeStepMailings[0].sequenceStep")
			.entity(Map.class)
			.isEqualTo(Map.of("id", String.valueOf(world.firstStep()), "order", 1));
	}

	@Test
	void activeStepTasksAreTheIncompleteOnesOfTheCurrentStep() {
		World world = this.fixtures.world();
		long id = this.fixtures.states(world, 1).get(0);
		this.fixtures.task(id, world.firstStep(), "complete", CREATED);
		long incomplete = this.fixtures.task(id, world.firstStep(), "incomplete", CREATED.plusDays(1));
		this.fixtures.task(id, world.secondStep(), "incomplete", CREATED);

		this.graphQlTester.documentName("everyField")
			.variable("id", id)
			.execute()
			.path("sequenceState.activeStepTasks")
			.entityList(Map.class)
			.containsExactly(Map.of("id", String.valueOf(incomplete), "state", "incomplete", "dueAt",
					"2019-08-25T14:15:22Z", "sequenceStep", Map.of("id", String.valueOf(world.firstStep()))));
	}

	@Test
	void returnsNullForUnknownId() {
		this.graphQlTester.document("{ sequenceState(id: \"987654\") { id } }")
			.execute()
			.path("sequenceState")
			.valueIsNull();
	}

	@Test
	void acceptsIdWrittenAsNumber() {
		World world = this.fixtures.world();
		long id = this.fixtures.states(world, 1).get(0);

		this.graphQlTester.document("{ sequenceState(id: " + id + ") { id } }")
			.execute()
			.path("sequenceState.id")
			.entity(String.class)
			.isEqualTo(String.valueOf(id));
	}

	@Test
	void rejectsNonNumericId() {
		this.graphQlTester.document("{ sequenceState(id: \"abc\") { id } }")
			.execute()
			.errors()
			.expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("id must be a positive integer"))
			.verify()
			.path("sequenceState")
			.valueIsNull();
	}

}
