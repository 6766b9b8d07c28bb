package com.acme.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BoundedOperationNamesTests {

	@Test
	void admitsTheFirstNamesUpToTheLimitAndTagsLaterOnesOther() {
		BoundedOperationNames names = new BoundedOperationNames(2);
		assertThat(names.tagFor("ListStates")).isEqualTo("ListStates");
		assertThat(names.tagFor("PauseState")).isEqualTo("PauseState");
		assertThat(names.tagFor("Third")).isEqualTo(BoundedOperationNames.OTHER);
		// Names admitted before the limit was reached keep their own tag.
		assertThat(names.tagFor("ListStates")).isEqualTo("ListStates");
		assertThat(names.tagFor("Third")).isEqualTo(BoundedOperationNames.OTHER);
	}

	@Test
	void aRequestWithoutANameIsAnonymous() {
		BoundedOperationNames names = new BoundedOperationNames(1);
		assertThat(names.tagFor(null)).isEqualTo(BoundedOperationNames.ANONYMOUS);
		assertThat(names.tagFor("")).isEqualTo(BoundedOperationNames.ANONYMOUS);
		// Neither took the one place.
		assertThat(names.tagFor("Named")).isEqualTo("Named");
	}

	@Test
	void aNameOutsideGraphQlsGrammarIsOtherAndTakesNoPlace() {
		BoundedOperationNames names = new BoundedOperationNames(1);
		assertThat(names.tagFor("two words")).isEqualTo(BoundedOperationNames.OTHER);
		assertThat(names.tagFor("1starts_with_a_digit")).isEqualTo(BoundedOperationNames.OTHER);
		assertThat(names.tagFor("x".repeat(101))).isEqualTo(BoundedOperationNames.OTHER);
		assertThat(names.tagFor("x".repeat(100))).isEqualTo("x".repeat(100));
	}

	@Test
	void aLimitOfZeroTagsEveryNamedOperationOther() {
		assertThat(new BoundedOperationNames(0).tagFor("ListStates")).isEqualTo(BoundedOperationNames.OTHER);
	}

	@Test
	void refusesANegativeLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BoundedOperationNames(-1))
			.withMessageContaining("gateway.observations.operation-names");
	}

}
