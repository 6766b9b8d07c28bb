package com.acme.gateway.user;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A user of the platform ({@code app_user}); {@code role} is {@code admin} or
 * {@code rep}.
 */
public record User(long id, String email, @Nullable String firstName, @Nullable String lastName, String role,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
