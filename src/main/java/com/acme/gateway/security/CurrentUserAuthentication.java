package com.acme.gateway.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A verified token whose user exists. The principal is the {@link CurrentUser}; the
 * authorities are the granted scopes as {@code SCOPE_sequenceStates.read} and so on, the
 * names Spring Security's own expressions ({@code hasAuthority}) expect.
 */
public class CurrentUserAuthentication extends AbstractAuthenticationToken {

	private final CurrentUser user;

	private final Jwt token;

	public CurrentUserAuthentication(CurrentUser user, Jwt token) {
		super(user.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope.claimValue())).toList());
		this.user = user;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public CurrentUser getPrincipal() {
		return this.user;
	}

	@Override
	public Jwt getCredentials() {
		return this.token;
	}

	@Override
	public String getName() {
		return String.valueOf(this.user.id());
	}

}
