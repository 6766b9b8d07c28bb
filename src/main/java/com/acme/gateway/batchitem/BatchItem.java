package com.acme.gateway.batchitem;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One item of a bulk import that created sequence states. */
public record BatchItem(long id, @Nullable String status, OffsetDateTime createdAt) {
}
