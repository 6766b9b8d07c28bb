package com.acme.gateway.sequencestate;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;
import com.acme.gateway.sequencestate.SequenceStateTransitions.Action;

/**
 * The state exists but its current status does not allow the action
 * ({@link ErrorCode#INVALID_STATE_TRANSITION}). The status is the one read in the same
 * transaction as the refused write, so it is what the client should reread and act on.
 */
public class InvalidStateTransitionException extends GatewayException {

	public InvalidStateTransitionException(long id, SequenceStateStatus currentState, Action action) {
		super(ErrorCode.INVALID_STATE_TRANSITION,
				"Cannot %s sequence state %d: it is %s, and %s is allowed only from %s".formatted(
						action.name().toLowerCase(Locale.ROOT), id, currentState.name(),
						action.name().toLowerCase(Locale.ROOT), allowed(action)),
				Map.of("id", String.valueOf(id), "currentState", currentState.name(), "action", action.name()));
	}

	private static String allowed(Action action) {
		return SequenceStateTransitions.allowedFrom(action)
			.stream()
			.sorted()
			.map(Enum::name)
			.collect(Collectors.joining(", "));
	}

}
