package com.acme.gateway.sequencestate;

import com.acme.gateway.graphql.Ids;

import com.acme.gateway.security.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The mutations of sequence states. Parses ids and hands over to
 * {@link SequenceStateWriter}, which owns the transactions and the rules; the states
 * returned resolve their relationships through the same batch mappings as query results.
 */
@Controller
public class SequenceStateMutationController {

	private final SequenceStateWriter writer;

	public SequenceStateMutationController(SequenceStateWriter writer) {
		this.writer = writer;
	}

	@MutationMapping
	public SequenceState createSequenceState(@Argument CreateSequenceStateInput input,
			@ContextValue(name = CurrentUser.CONTEXT_KEY) CurrentUser user) {
		Long opportunityId = (input.opportunityId() != null) ? Ids.parse(input.opportunityId(), "input.opportunityId")
				: null;
		return this.writer.create(Ids.parse(input.prospectId(), "input.prospectId"),
				Ids.parse(input.sequenceId(), "input.sequenceId"), Ids.parse(input.mailboxId(), "input.mailboxId"),
				opportunityId, user.id());
	}

	@MutationMapping
	public SequenceState pauseSequenceState(@Argument String id, @Argument @Nullable String reason,
			@ContextValue(name = CurrentUser.CONTEXT_KEY) CurrentUser user) {
		return this.writer.pause(Ids.parse(id, "id"), reason, user.id());
	}

	@MutationMapping
	public SequenceState resumeSequenceState(@Argument String id,
			@ContextValue(name = CurrentUser.CONTEXT_KEY) CurrentUser user) {
		return this.writer.resume(Ids.parse(id, "id"), user.id());
	}

	@MutationMapping
	public SequenceState finishSequenceState(@Argument String id,
			@ContextValue(name = CurrentUser.CONTEXT_KEY) CurrentUser user) {
		return this.writer.finish(Ids.parse(id, "id"), user.id());
	}

	/** Returns the id of the deleted state, as the API fixes ({@code ID!}). */
	@MutationMapping
	public String deleteSequenceState(@Argument String id,
			@ContextValue(name = CurrentUser.CONTEXT_KEY) CurrentUser user) {
		return String.valueOf(this.writer.delete(Ids.parse(id, "id"), user));
	}

}
