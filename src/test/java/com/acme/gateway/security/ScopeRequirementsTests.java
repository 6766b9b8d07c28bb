package com.acme.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The root field → scope table, including mutations that this branch does not have yet.
 */
class ScopeRequirementsTests {

	@ParameterizedTest
	@CsvSource({ "sequenceState", "sequenceStates" })
	void queriesNeedRead(String field) {
		assertThat(ScopeRequirements.forRootField(false, field)).contains(Scope.READ);
	}

	@ParameterizedTest
	@CsvSource({ "createSequenceState", "pauseSequenceState", "resumeSequenceState", "finishSequenceState" })
	void stateChangesNeedWrite(String field) {
		assertThat(ScopeRequirements.forRootField(true, field)).contains(Scope.WRITE);
	}

	@Test
	void deleteNeedsDelete() {
		assertThat(ScopeRequirements.forRootField(true, "deleteSequenceState")).contains(Scope.DELETE);
	}

	@Test
	void unknownMutationNeedsWrite() {
		assertThat(ScopeRequirements.forRootField(true, "archiveSequenceState")).contains(Scope.WRITE);
	}

	/** A router's {@code _service} and {@code _entities} read data like any query. */
	@Test
	void federationFieldsNeedRead() {
		assertThat(ScopeRequirements.forRootField(false, "_service")).contains(Scope.READ);
		assertThat(ScopeRequirements.forRootField(false, "_entities")).contains(Scope.READ);
	}

	@Test
	void introspectionNeedsOnlyValidToken() {
		assertThat(ScopeRequirements.forRootField(false, "__schema")).isEqualTo(Optional.empty());
		assertThat(ScopeRequirements.forRootField(false, "__typename")).isEqualTo(Optional.empty());
	}

	@Test
	void everyDeletingMutationIsListedAsDelete() {
		ScopeRequirements.MUTATIONS.forEach((field, scope) -> {
			if (field.startsWith("delete")) {
				assertThat(scope).as(field).isEqualTo(Scope.DELETE);
			}
		});
	}

}
