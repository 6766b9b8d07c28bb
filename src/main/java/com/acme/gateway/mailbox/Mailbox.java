package com.acme.gateway.mailbox;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A mailbox that sends a sequence's mailings. */
public record Mailbox(long id, String email, @Nullable Long userId, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {
}
