package com.acme.gateway.user;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.mailbox.Mailbox;
import com.acme.gateway.sequence.Sequence;
import com.acme.gateway.sequencestate.SequenceStateTransition;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Resolves every field that links to a {@link User}, one query per batch. */
@Controller
public class UserController {

	private final UserRepository users;

	public UserController(UserRepository users) {
		this.users = users;
	}

	@BatchMapping(typeName = "SequenceStateTransition", field = "actor")
	public Map<SequenceStateTransition, User> sequenceStateTransitionActor(List<SequenceStateTransition> transitions) {
		return BatchLookups.toOne(transitions, SequenceStateTransition::actorId, this.users::findByIds);
	}

	@BatchMapping(typeName = "Sequence", field = "owner")
	public Map<Sequence, User> sequenceOwner(List<Sequence> sequences) {
		return BatchLookups.toOne(sequences, Sequence::ownerId, this.users::findByIds);
	}

	@BatchMapping(typeName = "Mailbox", field = "user")
	public Map<Mailbox, User> mailboxUser(List<Mailbox> mailboxes) {
		return BatchLookups.toOne(mailboxes, Mailbox::userId, this.users::findByIds);
	}

}
