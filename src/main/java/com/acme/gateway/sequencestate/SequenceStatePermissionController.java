package com.acme.gateway.sequencestate;

import com.acme.gateway.security.CurrentUser;

import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code SequenceState.canDelete}: answered from the request's {@link CurrentUser} and
 * the state's {@code creatorId}, both already in memory, so a page of states costs no
 * extra SQL.
 */
@Controller
public class SequenceStatePermissionController {

	@SchemaMapping(typeName = "SequenceState")
	public boolean canDelete(SequenceState state,
			@ContextValue(name = CurrentUser.CONTEXT_KEY) CurrentUser currentUser) {
		return SequenceStateDeletePolicy.allows(currentUser, state);
	}

}
