package com.acme.gateway.sequence;

import java.time.OffsetDateTime;

/**
 * One step of a sequence; {@code order} is {@code step_order}, 1 for the first step.
 * Boxed values: a state's query that joins steps reads only the columns its selection
 * asks for.
 */
public record SequenceStep(long id, Long sequenceId, String stepType, Integer order, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {
}
