package com.acme.gateway.sequence;

import java.time.OffsetDateTime;

/** A series of steps that prospects are enrolled in. */
public record Sequence(long id, String name, boolean enabled, String sequenceType, Long ownerId,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
