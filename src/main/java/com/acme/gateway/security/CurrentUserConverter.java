package com.acme.gateway.security;

import java.util.Collection;
import java.util.UUID;

import com.acme.gateway.database.DatabaseFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a verified token into a {@link CurrentUserAuthentication}: {@code sub} must name
 * an existing {@code app_user}, whose role comes from the database. A token for an id
 * that is not a user is refused like a forged one (401), because it proves nothing about
 * who is calling.
 * <p>
 * Everything that goes wrong here is raised as an {@link AuthenticationException}, so
 * that it reaches {@link GraphQlAuthenticationEntryPoint} and becomes a GraphQL-shaped
 * body: any other exception would escape the filter chain as a servlet error.
 */
@Component
public class CurrentUserConverter implements Converter<Jwt, CurrentUserAuthentication> {

	private static final Logger logger = LoggerFactory.getLogger(CurrentUserConverter.class);

	private final UserDirectory users;

	public CurrentUserConverter(UserDirectory users) {
		this.users = users;
	}

	@Override
	public CurrentUserAuthentication convert(Jwt token) {
		long id = userId(token);
		UserDirectory.AppUser user = lookUp(id)
			.orElseThrow(() -> new InvalidBearerTokenException("The token's subject is not a user"));
		return new CurrentUserAuthentication(new CurrentUser(user.id(), user.role(), Scope.parse(scopeClaim(token))),
				token);
	}

	private static long userId(Jwt token) {
		try {
			return Long.parseLong(token.getSubject());
		}
		catch (NumberFormatException | NullPointerException ex) {
			throw new InvalidBearerTokenException("The token's subject is not a user id");
		}
	}

	/** Tolerates issuers that send the scopes as a JSON array instead of one string. */
	private static String scopeClaim(Jwt token) {
		Object claim = token.getClaims().get("scope");
		if (claim instanceof Collection<?> names) {
			return String.join(" ", names.stream().map(String::valueOf).toList());
		}
		return (claim != null) ? claim.toString() : "";
	}

	private java.util.Optional<UserDirectory.AppUser> lookUp(long id) {
		try {
			return this.users.find(id);
		}
		catch (RuntimeException ex) {
			if (DatabaseFaults.isDatabaseUnreachable(ex)) {
				logger.warn("Database unreachable while looking up user {}: {}", id, ex.toString());
				throw new UnavailableAuthenticationException();
			}
			String errorId = UUID.randomUUID().toString();
			logger.error("Unexpected failure {} while looking up user {}", errorId, id, ex);
			throw new InternalAuthenticationException(errorId);
		}
	}

	/** The user could not be looked up because the database is down: 503, retry later. */
	static final class UnavailableAuthenticationException extends AuthenticationException {

		UnavailableAuthenticationException() {
			super("The database is unavailable right now; retry the request shortly.");
		}

	}

	/** A bug while authenticating: 500 with an id that is also in the log. */
	static final class InternalAuthenticationException extends AuthenticationException {

		private final String errorId;

		InternalAuthenticationException(String errorId) {
			super("Internal error; quote id " + errorId + " when reporting it.");
			this.errorId = errorId;
		}

		String errorId() {
			return this.errorId;
		}

	}

}
