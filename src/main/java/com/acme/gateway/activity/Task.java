package com.acme.gateway.activity;

import java.time.OffsetDateTime;

/** A rep's to-do created by a sequence step; {@code state} is {@code incomplete} or {@code complete}. */
public record Task(long id, Long sequenceStateId, Long sequenceStepId, String state, String action,
		OffsetDateTime dueAt, OffsetDateTime completedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
