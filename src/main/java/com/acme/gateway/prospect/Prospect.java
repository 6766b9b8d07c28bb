package com.acme.gateway.prospect;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A person who may be contacted by a sequence; {@code emails} are stored lower-case. */
public record Prospect(long id, @Nullable Long accountId, @Nullable String firstName, @Nullable String lastName,
		List<String> emails, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
