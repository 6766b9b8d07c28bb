package com.acme.gateway.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.gateway.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * {@link DatabaseFaults} relies on jOOQ's statements failing with Spring's translated
 * exceptions, which Spring Boot's jOOQ starter arranges; this proves the gateway's
 * {@code DSLContext} still does.
 */
class JooqExceptionTranslationIntegrationTests extends IntegrationTest {

	@Autowired
	private DSLContext dsl;

	@Test
	void jooqStatementsFailWithSpringsTranslatedExceptions() {
		// SQLSTATE 22012 (division_by_zero) is class 22, data exception.
		assertThatThrownBy(() -> this.dsl.fetch("select 1 / 0")).isInstanceOf(DataIntegrityViolationException.class);
	}

}
