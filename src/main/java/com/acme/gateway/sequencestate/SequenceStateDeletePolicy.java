package com.acme.gateway.sequencestate;

import com.acme.gateway.security.CurrentUser;
import com.acme.gateway.security.Scope;

/**
 * Who may delete a sequence state: a caller whose token grants {@link Scope#DELETE} and
 * who is an admin or the state's creator. The one place this rule lives:
 * {@code canDelete} answers with it and {@code deleteSequenceState} must refuse with it,
 * so the field never promises a delete the mutation then refuses.
 * <p>
 * Trap: a state without a creator ({@code creatorId} null, e.g. created by a bulk import)
 * can be deleted only by admins; comparing ids with {@code ==} on boxed {@code Long}s
 * would also get this wrong for ids above 127, hence the primitive comparison.
 */
public final class SequenceStateDeletePolicy {

	private SequenceStateDeletePolicy() {
	}

	public static boolean allows(CurrentUser user, SequenceState state) {
		if (!user.grants(Scope.DELETE)) {
			return false;
		}
		return user.isAdmin() || isCreator(user, state);
	}

	private static boolean isCreator(CurrentUser user, SequenceState state) {
		Long creatorId = state.creatorId();
		return creatorId != null && creatorId.longValue() == user.id();
	}

}
