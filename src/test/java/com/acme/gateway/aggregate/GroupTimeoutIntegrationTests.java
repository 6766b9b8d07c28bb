package com.acme.gateway.aggregate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/**
 * The statement timeout holds for aggregates and groups too, and its cancel answers
 * {@code LIMIT_EXCEEDED}. The same properties as {@code TightLimitsIntegrationTests}, so
 * both share one application context.
 */
@TestPropertySource(properties = { "gateway.limits.max-depth=7", "gateway.limits.statement-timeout=1s" })
class GroupTimeoutIntegrationTests extends IntegrationTest {

	@Test
	void groupsCancelledByTheStatementTimeoutAnswerLimitExceeded() throws Exception {
		assertCancelled("{ sequenceStateGroups(groupBy: [{ field: STATE }]) { edges { cursor } } }");
	}

	@Test
	void aggregateCancelledByTheStatementTimeoutAnswersLimitExceeded() throws Exception {
		assertCancelled("{ sequenceStatesAggregate { count } }");
	}

	private void assertCancelled(String document) throws Exception {
		TestDatabase database = TestDatabase.get();
		try (Connection blocker = DriverManager.getConnection(database.url(), database.username(),
				database.password())) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				// Holds the table so the gateway's read waits until the timeout cancels
				// it.
				statement.execute("lock table sequence_state in access exclusive mode");
				this.graphQlTester.document(document)
					.execute()
					.errors()
					.expect(error -> "LIMIT_EXCEEDED".equals(error.getExtensions().get("code"))
							&& error.getMessage().contains("gateway.limits.statement-timeout"))
					.verify();
			}
			finally {
				blocker.rollback();
			}
		}
	}

}
