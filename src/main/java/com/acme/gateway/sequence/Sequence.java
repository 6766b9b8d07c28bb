package com.acme.gateway.sequence;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A series of steps that prospects are enrolled in. Boxed values: a state's query that
 * joins sequences reads only the columns its selection asks for and leaves the others
 * null.
 */
public record Sequence(long id, String name, Boolean enabled, @Nullable String sequenceType, @Nullable Long ownerId,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
