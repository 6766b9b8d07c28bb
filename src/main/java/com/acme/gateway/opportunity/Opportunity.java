package com.acme.gateway.opportunity;

import java.time.OffsetDateTime;

/** A sales opportunity with an account. */
public record Opportunity(long id, String name, Long accountId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
