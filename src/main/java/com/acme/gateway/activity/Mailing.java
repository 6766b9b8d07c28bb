package com.acme.gateway.activity;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An email sent, or to be sent, by a sequence step; it outlives a deleted state (then
 * unlinked).
 */
public record Mailing(long id, @Nullable Long sequenceStateId, @Nullable Long sequenceStepId, String state,
		@Nullable String subject, @Nullable OffsetDateTime deliveredAt, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {
}
