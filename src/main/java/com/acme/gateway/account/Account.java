package com.acme.gateway.account;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A company that prospects work for. */
public record Account(long id, String name, @Nullable String domain, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {
}
