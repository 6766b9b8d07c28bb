package com.acme.gateway.batchitem;

import java.time.OffsetDateTime;

/** One item of a bulk import that created sequence states. */
public record BatchItem(long id, String status, OffsetDateTime createdAt) {
}
