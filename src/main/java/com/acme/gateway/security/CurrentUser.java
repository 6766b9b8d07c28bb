package com.acme.gateway.security;

import java.util.Set;

/**
 * The caller of this request: the {@code app_user} named by the token's {@code sub}, with
 * the role read from the database and the scopes the token grants. Loaded once per
 * request (see {@link UserDirectory}), so rules that need it, like
 * {@link com.acme.gateway.sequencestate.SequenceStateDeletePolicy}, cost no SQL per row.
 * <p>
 * Controllers receive it as
 * {@code @ContextValue(name = CurrentUser.CONTEXT_KEY) CurrentUser user}. The trap: the
 * role comes from {@code app_user}, never from the token, so a token minted for a rep
 * stays a rep's token even if it claims otherwise; the scopes come only from the token.
 */
public record CurrentUser(long id, String role, Set<Scope> scopes) {

	/** Key of the current user in the GraphQL context, for {@code @ContextValue}. */
	public static final String CONTEXT_KEY = "currentUser";

	/**
	 * Key of the current user among the HTTP request's attributes, for code that runs
	 * before GraphQL.
	 */
	public static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName();

	public static final String ADMIN_ROLE = "admin";

	public CurrentUser {
		scopes = Set.copyOf(scopes);
	}

	public boolean isAdmin() {
		return ADMIN_ROLE.equals(this.role);
	}

	public boolean grants(Scope scope) {
		return this.scopes.contains(scope);
	}

}
