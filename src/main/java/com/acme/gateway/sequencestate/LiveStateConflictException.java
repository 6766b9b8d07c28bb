package com.acme.gateway.sequencestate;

import java.util.Map;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;

/**
 * The prospect already has a pending, active or paused state in the sequence
 * ({@link ErrorCode#CONFLICT}). Raised from the database's unique violation, never from a
 * prior check, so two concurrent creates cannot both pass.
 */
public class LiveStateConflictException extends GatewayException {

	public LiveStateConflictException(long prospectId, long sequenceId) {
		super(ErrorCode.CONFLICT,
				"Prospect %d already has a pending, active or paused state in sequence %d; finish or delete it first"
					.formatted(prospectId, sequenceId),
				Map.of("prospectId", String.valueOf(prospectId), "sequenceId", String.valueOf(sequenceId)));
	}

}
