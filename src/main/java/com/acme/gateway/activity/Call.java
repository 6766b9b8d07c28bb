package com.acme.gateway.activity;

import java.time.OffsetDateTime;

/** A phone call logged against a sequence state. */
public record Call(long id, Long sequenceStateId, String outcome, OffsetDateTime completedAt,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
