package com.acme.gateway.activity;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A rep's to-do created by a sequence step; {@code state} is {@code incomplete} or
 * {@code complete}.
 */
public record Task(long id, @Nullable Long sequenceStateId, @Nullable Long sequenceStepId, String state,
		@Nullable String action, @Nullable OffsetDateTime dueAt, @Nullable OffsetDateTime completedAt,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
