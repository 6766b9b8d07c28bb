package com.acme.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * The depth limit and the statement timeout, set low enough to reach: this schema cannot
 * nest 12 levels, and nobody wants to wait 5 s per test.
 */
@TestPropertySource(properties = { "gateway.limits.max-depth=7", "gateway.limits.statement-timeout=1s" })
class TightLimitsIntegrationTests extends IntegrationTest {

	@Test
	void acceptsQueryAtDepthLimit() {
		// seven levels of fields: sequenceStates › edges › node › sequenceStep › sequence
		// › owner › id
		this.graphQlTester
			.document("{ sequenceStates(first: 1) { edges { node { sequenceStep { sequence { owner { id } } } } } } }")
			.execute()
			.errors()
			.verify();
	}

	@Test
	void refusesQueryOneLevelDeeper() {
		this.statements.reset();

		this.graphQlTester.document(
				"{ sequenceStates(first: 1) { edges { node { mailings { sequenceStep { sequence { owner { id } } } } } } } }")
			.execute()
			.errors()
			.expect(error -> "LIMIT_EXCEEDED".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("query depth 8 exceeds the limit of 7 (gateway.limits.max-depth)"))
			.verify();
		assertThat(this.statements.count()).isZero();
	}

	/**
	 * The depth an {@code @include} adds counts whenever its variable turns it on, even
	 * for a document that passed before.
	 */
	@Test
	void checksDepthAgainWhenAnIncludeVariableChanges() {
		String document = "query($deep: Boolean!) { sequenceStates(first: 1) { edges { node { sequenceStep { sequence { owner { id } } } "
				+ "mailings @include(if: $deep) { sequenceStep { sequence { owner { id } } } } } } } }";
		for (boolean deep : new boolean[] { false, true, false, true }) {
			GraphQlTester.Response response = this.graphQlTester.document(document).variable("deep", deep).execute();
			if (deep) {
				response.errors()
					.expect(error -> error.getMessage().contains("query depth 8 exceeds the limit of 7"))
					.verify();
			}
			else {
				response.errors().verify();
			}
		}
	}

	@Test
	void cancelsStatementRunningLongerThanTheTimeoutInPostgresql() throws SQLException {
		TestDatabase database = TestDatabase.get();
		try (Connection blocker = DriverManager.getConnection(database.url(), database.username(),
				database.password())) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				// Holding this lock makes the gateway's page query wait: a slow query
				// without test-only code.
				statement.execute("lock table sequence_state in access exclusive mode");
				Instant start = Instant.now();

				this.graphQlTester.document("{ sequenceStates(first: 5) { edges { node { id } } } }")
					.execute()
					.errors()
					.expect(error -> "LIMIT_EXCEEDED".equals(error.getExtensions().get("code"))
							&& error.getMessage().contains("statement timeout of 1s")
							&& error.getMessage().contains("gateway.limits.statement-timeout"))
					.verify();

				assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
				assertThat(runningGatewayStatements(statement)).as("gateway statements still running in PostgreSQL")
					.isZero();
			}
			finally {
				blocker.rollback();
			}
		}
	}

	private static int runningGatewayStatements(Statement statement) throws SQLException {
		try (ResultSet rows = statement.executeQuery("select count(*) from pg_stat_activity "
				+ "where datname = current_database() and pid <> pg_backend_pid() and state = 'active' "
				+ "and query ilike '%sequence_state%'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
