package com.acme.gateway.mailbox;

import java.time.OffsetDateTime;

/** A mailbox that sends a sequence's mailings. */
public record Mailbox(long id, String email, Long userId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
