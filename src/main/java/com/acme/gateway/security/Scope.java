package com.acme.gateway.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a token allows on sequence states, from its space-separated {@code scope} claim.
 * {@code sequenceStates.all} is not a scope of its own: it stands for all three, so code only
 * ever asks for {@link #READ}, {@link #WRITE} or {@link #DELETE}.
 */
public enum Scope {

	/** Run queries. */
	READ("sequenceStates.read"),
	/** Create, pause, resume and finish states. */
	WRITE("sequenceStates.write"),
	/** Delete states (the user must still be an admin or the state's creator). */
	DELETE("sequenceStates.delete");

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
	 * The scopes a claim grants. Unknown names are ignored rather than refused: issuers put
	 * scopes for other services into the same token.
	 */
	public static Set<Scope> parse(String scopeClaim) {
		if (scopeClaim == null || scopeClaim.isBlank()) {
			return Collections.unmodifiableSet(EnumSet.noneOf(Scope.class));
		}
		EnumSet<Scope> granted = EnumSet.noneOf(Scope.class);
		for (String name : scopeClaim.trim().split("\\s+")) {
			if (name.equals(ALL)) {
				granted.addAll(EnumSet.allOf(Scope.class));
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
