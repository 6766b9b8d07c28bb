package com.acme.gateway.security;

import static com.acme.gateway.database.generated.Tables.APP_USER;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jooq.DSLContext;

import org.springframework.stereotype.Component;

/**
 * Looks up the role of a token's user, at most once per user per
 * {@link SecurityProperties#userCacheTtl()}: every request needs it, and one query per
 * request for a row that almost never changes would double the statements of a small
 * query.
 * <p>
 * Only users that exist are cached. An unknown id is asked for again every time, so a
 * user created a moment ago can call at once; the trap is that a deleted user keeps
 * access until the entry expires.
 */
@Component
public class UserDirectory {

	/** The parts of an {@code app_user} that authorization needs. */
	public record AppUser(long id, String role) {
	}

	private final DSLContext dsl;

	private final Cache<Long, AppUser> users;

	public UserDirectory(DSLContext dsl, SecurityProperties properties) {
		this.dsl = dsl;
		this.users = Caffeine.newBuilder().expireAfterWrite(properties.userCacheTtl()).maximumSize(10_000).build();
	}

	public Optional<AppUser> find(long id) {
		AppUser cached = this.users.getIfPresent(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<AppUser> loaded = this.dsl.select(APP_USER.ID, APP_USER.ROLE)
			.from(APP_USER)
			.where(APP_USER.ID.eq(id))
			.fetchOptional(row -> new AppUser(row.value1(), row.value2()));
		loaded.ifPresent(user -> this.users.put(id, user));
		return loaded;
	}

	/** Forgets every cached user, e.g. after the users table was rewritten wholesale. */
	public void evictAll() {
		this.users.invalidateAll();
	}

}
