package com.acme.gateway.prospect;

import java.time.OffsetDateTime;
import java.util.List;

/** A person who may be contacted by a sequence; {@code emails} are stored lower-case. */
public record Prospect(long id, Long accountId, String firstName, String lastName, List<String> emails,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
