package com.acme.gateway.opportunity;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A sales opportunity with an account. */
public record Opportunity(long id, @Nullable String name, @Nullable Long accountId, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {
}
