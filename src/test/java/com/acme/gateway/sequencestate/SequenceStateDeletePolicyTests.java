package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.acme.gateway.security.CurrentUser;
import com.acme.gateway.security.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceStateDeletePolicyTests {

	private static final long CREATOR = 200;

	@ParameterizedTest(name = "{0} with {1} on a state created by {2}: {3}")
	@CsvSource({
			// role, scopes, creator, allowed
			"admin, sequenceStates.read,                          200, false",
			"admin, sequenceStates.delete,                        200, true",
			"admin, sequenceStates.all,                               , true",
			"rep,   sequenceStates.delete,                        200, true",
			"rep,   sequenceStates.read sequenceStates.write,     200, false",
			"rep,   sequenceStates.all,                           201, false",
			"rep,   sequenceStates.all,                               , false" })
	void allowsDeleteScopeAndAdminOrCreator(String role, String scopes, Long creatorId, boolean allowed) {
		CurrentUser user = new CurrentUser(CREATOR, role, Scope.parse(scopes));

		assertThat(SequenceStateDeletePolicy.allows(user, stateCreatedBy(creatorId))).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "1000", "123456789" })
	void recognisesCreatorAboveTheBoxedLongCache(long id) {
		CurrentUser user = new CurrentUser(id, "rep", Set.of(Scope.DELETE));

		assertThat(SequenceStateDeletePolicy.allows(user, stateCreatedBy(Long.valueOf(id)))).isTrue();
	}

	private static SequenceState stateCreatedBy(Long creatorId) {
		return new SequenceState(1, SequenceStateStatus.ACTIVE, null, null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0,
				0, 0, 0, 0, null, null, null, null, creatorId, null, null, 1, 1, null);
	}

}
