package com.acme.gateway.activity;

import java.time.OffsetDateTime;

/** An email sent, or to be sent, by a sequence step; it outlives a deleted state (then unlinked). */
public record Mailing(long id, Long sequenceStateId, Long sequenceStepId, String state, String subject,
		OffsetDateTime deliveredAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
