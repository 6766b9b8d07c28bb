package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import com.acme.gateway.sequencestate.SequenceStateTransitions.Action;
import org.junit.jupiter.api.Test;

/** The state machine table, row by row, without Spring or a database. */
class SequenceStateTransitionsTests {

	@Test
	void newStateIsActiveInEnabledSequenceAndPendingInDisabledOne() {
		assertThat(SequenceStateTransitions.initialStatus(true)).isEqualTo(SequenceStateStatus.ACTIVE);
		assertThat(SequenceStateTransitions.initialStatus(false)).isEqualTo(SequenceStateStatus.PENDING);
	}

	@Test
	void pauseIsAllowedOnlyFromActiveAndLeadsToPaused() {
		assertThat(SequenceStateTransitions.allowedFrom(Action.PAUSE)).containsExactly(SequenceStateStatus.ACTIVE);
		assertThat(SequenceStateTransitions.target(Action.PAUSE)).isEqualTo(SequenceStateStatus.PAUSED);
	}

	@Test
	void resumeIsAllowedOnlyFromPausedAndLeadsToActive() {
		assertThat(SequenceStateTransitions.allowedFrom(Action.RESUME)).containsExactly(SequenceStateStatus.PAUSED);
		assertThat(SequenceStateTransitions.target(Action.RESUME)).isEqualTo(SequenceStateStatus.ACTIVE);
	}

	@Test
	void finishIsAllowedFromEveryLiveStatusAndLeadsToFinished() {
		assertThat(SequenceStateTransitions.allowedFrom(Action.FINISH))
			.containsExactlyInAnyOrderElementsOf(SequenceStateTransitions.LIVE);
		assertThat(SequenceStateTransitions.target(Action.FINISH)).isEqualTo(SequenceStateStatus.FINISHED);
	}

	@Test
	void deleteIsAllowedFromEveryStatusAndLeavesNothing() {
		assertThat(SequenceStateTransitions.allowedFrom(Action.DELETE))
			.containsExactlyInAnyOrder(SequenceStateStatus.values());
		assertThat(SequenceStateTransitions.target(Action.DELETE)).isNull();
	}

	@Test
	void stoppedStatesCanOnlyBeDeleted() {
		for (SequenceStateStatus stopped : EnumSet.complementOf(EnumSet.copyOf(SequenceStateTransitions.LIVE))) {
			assertThat(SequenceStateTransitions.isAllowed(Action.PAUSE, stopped)).as("pause from %s", stopped)
				.isFalse();
			assertThat(SequenceStateTransitions.isAllowed(Action.RESUME, stopped)).as("resume from %s", stopped)
				.isFalse();
			assertThat(SequenceStateTransitions.isAllowed(Action.FINISH, stopped)).as("finish from %s", stopped)
				.isFalse();
			assertThat(SequenceStateTransitions.isAllowed(Action.DELETE, stopped)).as("delete from %s", stopped)
				.isTrue();
		}
	}

	@Test
	void noActionLeadsBackIntoTheStatusItStartsFrom() {
		for (Action action : EnumSet.of(Action.PAUSE, Action.RESUME, Action.FINISH)) {
			assertThat(SequenceStateTransitions.allowedFrom(action)).as("%s", action)
				.doesNotContain(SequenceStateTransitions.target(action));
		}
	}

}
