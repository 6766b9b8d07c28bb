package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorMessagesTests {

	@Test
	void dropsPrintedLiteralOfHugeNumber() {
		assertThat(ErrorMessages
			.withoutSyntaxTreeNames("Validation error (WrongType@[sequenceStates]) : argument 'first' "
					+ "with value 'IntValue{value=99999999999999999999}' is not a valid 'Int' - Expected value to be in the "
					+ "integer range, but it was a '99999999999999999999'"))
			.isEqualTo("Validation error (WrongType@[sequenceStates]) : argument 'first' has a value that is not a "
					+ "valid 'Int' - Expected value to be in the integer range, but it was a '99999999999999999999'");
	}

	@Test
	void namesLiteralKindsInsteadOfClasses() {
		assertThat(ErrorMessages.withoutSyntaxTreeNames("argument 'first' with value 'FloatValue{value=1.5}' is not a "
				+ "valid 'Int' - Expected an AST type of 'IntValue' but it was a 'FloatValue'"))
			.isEqualTo("argument 'first' has a value that is not a valid 'Int' - Expected a Int literal but it was a "
					+ "Float literal");
	}

	@Test
	void printsAnInvalidEnumLiteralAsWritten() {
		assertThat(
				ErrorMessages.withoutSyntaxTreeNames("argument 'filter.state.eq' with value 'EnumValue{name='NOPE'}' "
						+ "is not a valid 'SequenceStateStatus' - Literal value not in allowable values for enum "
						+ "'SequenceStateStatus' - 'EnumValue{name='NOPE'}'"))
			.isEqualTo("argument 'filter.state.eq' has a value that is not a valid 'SequenceStateStatus' - Literal "
					+ "value not in allowable values for enum 'SequenceStateStatus' - 'NOPE'");
	}

	@Test
	void keepsOrdinaryMessages() {
		assertThat(ErrorMessages.withoutSyntaxTreeNames("first must be between 0 and 1000"))
			.isEqualTo("first must be between 0 and 1000");
	}

}
