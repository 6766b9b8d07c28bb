package com.acme.gateway.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a token allows on sequence states, from its space-separated {@code scope} claim.
 * {@code sequenceStates.all} is not a scope of its own: it stands for {@link #READ},
 * {@link #WRITE} and {@link #DELETE}, so code only ever asks for those (or for
 * {@link #EXPLORE}, which it does not include).
 */
public enum Scope {

	/** Run queries. */
	READ("sequenceStates.read"),
	/** Create, pause, resume and finish states. */
	WRITE("sequenceStates.write"),
	/** Delete states (the user must still be an admin or the state's creator). */
	DELETE("sequenceStates.delete"),
	/**
	 * Send any document, also when only trusted documents run
	 * ({@code gateway.documents.trusted-only}): for analysts in GraphiQL. Not part of
	 * {@code sequenceStates.all}, and it allows no field by itself.
	 */
	EXPLORE("sequenceStates.explore");

	static final String ALL = "sequenceStates.all";

	private final String claimValue;

	Scope(String claimValue) {
		this.claimValue = claimValue;
	}

	/** The name as it appears in a token's {@code scope} claim. */
	public String claimValue() {
		return this.claimValue;
	}

	/**
	 * The scopes a claim grants. Unknown names are ignored rather than refused: issuers
	 * put scopes for other services into the same token.
	 */
	public static Set<Scope> parse(String scopeClaim) {
		if (scopeClaim == null || scopeClaim.isBlank()) {
			return Collections.unmodifiableSet(EnumSet.noneOf(Scope.class));
		}
		EnumSet<Scope> granted = EnumSet.noneOf(Scope.class);
		for (String name : scopeClaim.trim().split("\\s+")) {
			if (name.equals(ALL)) {
				granted.addAll(EnumSet.of(READ, WRITE, DELETE));
			}
			for (Scope scope : values()) {
				if (scope.claimValue.equals(name)) {
					granted.add(scope);
				}
			}
		}
		return Collections.unmodifiableSet(granted);
	}

}
