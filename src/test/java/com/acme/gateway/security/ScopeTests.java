package com.acme.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopeTests {

	@Test
	void allGrantsReadWriteAndDelete() {
		assertThat(Scope.parse("sequenceStates.all")).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE, Scope.DELETE);
	}

	@Test
	void readsExploreScopeApartFromAll() {
		assertThat(Scope.parse("sequenceStates.all sequenceStates.explore")).contains(Scope.EXPLORE);
		assertThat(Scope.parse("sequenceStates.all")).doesNotContain(Scope.EXPLORE);
	}

	@Test
	void readsSpaceSeparatedScopes() {
		assertThat(Scope.parse(" sequenceStates.read   sequenceStates.delete ")).containsExactlyInAnyOrder(Scope.READ,
				Scope.DELETE);
	}

	@Test
	void ignoresScopesOfOtherServices() {
		assertThat(Scope.parse("openid mailings.read sequenceStates.write")).containsExactly(Scope.WRITE);
	}

	@Test
	void grantsNothingWithoutClaim() {
		assertThat(Scope.parse(null)).isEmpty();
		assertThat(Scope.parse("")).isEmpty();
	}

	@Test
	void doesNotMatchPrefixes() {
		assertThat(Scope.parse("sequenceStates.readonly sequenceStates")).isEmpty();
	}

}
