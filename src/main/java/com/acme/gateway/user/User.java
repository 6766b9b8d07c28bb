package com.acme.gateway.user;

import java.time.OffsetDateTime;

/** A user of the platform ({@code app_user}); {@code role} is {@code admin} or {@code rep}. */
public record User(long id, String email, String firstName, String lastName, String role, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {
}
