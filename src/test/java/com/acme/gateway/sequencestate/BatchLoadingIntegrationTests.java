package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * No query does N+1: a page with all 13 relationships selected runs the same number of
 * SQL statements whatever its size.
 */
class BatchLoadingIntegrationTests extends IntegrationTest {

	@Test
	void statementCountDoesNotGrowWithPageSize() {
		World world = this.fixtures.world();
		List<Long> states = this.fixtures.states(world, 200);
		for (long state : states) {
			this.fixtures.mailing(state, world.firstStep(), "scheduled", null);
			this.fixtures.task(state, world.firstStep(), "incomplete", null);
			this.fixtures.call(state, "answered");
		}

		int forOne = statementsForPageOf(1);
		int forTwoHundred = statementsForPageOf(200);

		assertThat(forTwoHundred).isEqualTo(forOne);
		assertThat(forTwoHundred).isLessThanOrEqualTo(15);
	}

	private int statementsForPageOf(int size) {
		this.statements.reset();
		this.graphQlTester.documentName("pageWithEveryRelationship")
			.variable("first", size)
			.execute()
			.path("sequenceStates.edges[*].node.activeStepTasks[*].id")
			.entityList(String.class)
			.hasSize(size);
		return this.statements.count();
	}

}
