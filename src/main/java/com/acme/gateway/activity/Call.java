package com.acme.gateway.activity;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A phone call logged against a sequence state. */
public record Call(long id, @Nullable Long sequenceStateId, @Nullable String outcome,
		@Nullable OffsetDateTime completedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
