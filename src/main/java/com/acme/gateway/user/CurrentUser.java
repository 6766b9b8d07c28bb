package com.acme.gateway.user;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The user on whose behalf the current request acts, recorded as the creator of new states and
 * the actor of every transition.
 *
 * <p>Seam: the gateway does not authenticate yet, so this is always empty and writes record no
 * user. The security work fills it from the bearer token's {@code sub} (an {@code app_user} id);
 * nothing else needs to change for creator and actor to be recorded.
 */
@Component
public class CurrentUser {

	public Optional<Long> id() {
		return Optional.empty();
	}

}
