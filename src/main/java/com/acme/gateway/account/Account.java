package com.acme.gateway.account;

import java.time.OffsetDateTime;

/** A company that prospects work for. */
public record Account(long id, String name, String domain, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
