package com.acme.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The pure assignment functions, checked exhaustively for sizes the database tests do not load. */
class DemoDataShapeTests {

	@ParameterizedTest
	@ValueSource(longs = {1, 2, 3, 5, 8, 999, 2000, 123_457})
	void givesEveryStateOfOneProspectAnotherSequence(long states) {
		DemoDataShape shape = DemoDataShape.forStates(states);
		Set<String> pairs = new HashSet<>();
		for (long id = 1; id <= states; id++) {
			assertThat(pairs.add(shape.prospectOfState(id) + "/" + shape.sequenceOfState(id)))
					.as("state %d repeats a (prospect, sequence) pair", id)
					.isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(longs = {1, 7, 2000, 1_000_000})
	void keepsReferencesInsideTheirTables(long states) {
		DemoDataShape shape = DemoDataShape.forStates(states);
		for (long id = 1; id <= Math.min(states, 50_000); id++) {
			long prospect = shape.prospectOfState(id);
			assertThat(prospect).isBetween(1L, shape.prospects());
			assertThat(shape.sequenceOfState(id)).isBetween(1L, shape.sequences());
			assertThat(shape.accountOfProspect(prospect)).isBetween(1L, shape.accounts());
			assertThat(BatchItemRows.batchItemAt(shape, id)).isBetween(1L, shape.batchItems());
		}
		assertThat(shape.accountOfOpportunity(shape.opportunities())).isBetween(1L, shape.accounts());
		assertThat(shape.userOfMailbox(shape.mailboxes())).isEqualTo(shape.users());
	}

	@Test
	void scalesLikeARealCustomerAtAMillionStates() {
		DemoDataShape shape = DemoDataShape.forStates(1_000_000);

		assertThat(shape.prospects()).isEqualTo(400_000);
		assertThat(shape.accounts()).isEqualTo(20_000);
		assertThat(shape.sequences()).isEqualTo(2_000);
		assertThat(shape.users()).isEqualTo(1_000);
	}

	@Test
	void rejectsNonPositiveSizes() {
		assertThatIllegalArgumentException().isThrownBy(() -> DemoDataShape.forStates(0));
	}
}
