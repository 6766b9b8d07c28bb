package com.acme.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DatabaseFaultsTests {

	@Test
	void recognisesSpringsConnectionFailuresAsUnreachable() {
		assertThat(DatabaseFaults.isDatabaseUnreachable(new DataAccessResourceFailureException("lost"))).isTrue();
		assertThat(DatabaseFaults.isDatabaseUnreachable(new CannotGetJdbcConnectionException("refused"))).isTrue();
	}

	@Test
	void recognisesATranslatedFaultWrappedByAFuture() {
		assertThat(DatabaseFaults
			.isDatabaseUnreachable(new CompletionException(new DataAccessResourceFailureException("lost")))).isTrue();
	}

	@Test
	void translatesADriverExceptionThatBypassedJooq() {
		assertThat(DatabaseFaults.isDatabaseUnreachable(new RuntimeException(new SQLException("gone", "08006"))))
			.isTrue();
		assertThat(DatabaseFaults.isDatabaseUnreachable(new SQLTransientConnectionException("pool timed out")))
			.isTrue();
		assertThat(DatabaseFaults.isStatementTimeout(new SQLException("canceling statement", "57014"))).isTrue();
	}

	@Test
	void recognisesAStatementTimeoutAsNoOutage() {
		QueryTimeoutException timeout = new QueryTimeoutException("canceled");
		assertThat(DatabaseFaults.isStatementTimeout(timeout)).isTrue();
		assertThat(DatabaseFaults.isDatabaseUnreachable(timeout)).isFalse();
	}

	@Test
	void leavesARejectedStatementAlone() {
		DataIntegrityViolationException rejected = new DataIntegrityViolationException("duplicate");
		assertThat(DatabaseFaults.isDatabaseUnreachable(rejected)).isFalse();
		assertThat(DatabaseFaults.isStatementTimeout(rejected)).isFalse();
		assertThat(DatabaseFaults.isDatabaseUnreachable(new IllegalStateException("no database here"))).isFalse();
	}

}
