package com.acme.gateway.mailbox;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.sequencestate.SequenceState;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Resolves every field that links to a {@link Mailbox}, one query per batch. */
@Controller
public class MailboxController {

	private final MailboxRepository mailboxes;

	public MailboxController(MailboxRepository mailboxes) {
		this.mailboxes = mailboxes;
	}

	@BatchMapping(typeName = "SequenceState", field = "mailbox")
	public Map<SequenceState, Mailbox> sequenceStateMailbox(List<SequenceState> states) {
		return BatchLookups.toOne(states, SequenceState::mailboxId, this.mailboxes::findByIds);
	}

}
