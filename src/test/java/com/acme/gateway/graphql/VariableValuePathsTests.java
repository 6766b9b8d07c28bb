package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VariableValuePathsTests {

	private static final String INVALID_NOPE = "Variable 'f' has an invalid value: Invalid input for enum "
			+ "'SequenceStateStatus'. No value found for name 'NOPE'";

	@Test
	void namesTheArgumentPathOfAnInvalidEnumValue() {
		assertThat(VariableValuePaths.withArgumentPath(INVALID_NOPE,
				"query($f: SequenceStateFilter) { sequenceStates(filter: $f) { totalCount } }",
				Map.of("f", Map.of("state", Map.of("eq", "NOPE")))))
			.isEqualTo("Variable 'f' has an invalid value at argument 'filter.state.eq': Invalid input for enum "
					+ "'SequenceStateStatus'. No value found for name 'NOPE'");
	}

	@Test
	void namesPathsInsideListsAndNestedLiterals() {
		assertThat(VariableValuePaths.withArgumentPath(INVALID_NOPE,
				"query($f: SequenceStateFilter) { sequenceStates(filter: { and: [{ id: { eq: 1 } }, $f] }) { totalCount } }",
				Map.of("f", Map.of("state", Map.of("in", List.of("ACTIVE", "NOPE"))))))
			.contains("at argument 'filter.and[1].state.in[1]'");
	}

	@Test
	void keepsOtherMessages() {
		assertThat(VariableValuePaths.withArgumentPath("first must be between 0 and 1000", "{ a }", Map.of()))
			.isEqualTo("first must be between 0 and 1000");
	}

}
