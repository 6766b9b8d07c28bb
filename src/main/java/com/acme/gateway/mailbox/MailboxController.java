package com.acme.gateway.mailbox;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.user.User;
import com.acme.gateway.user.UserRepository;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves the fields of a {@link Mailbox} that link to other types, one query per batch.
 */
@Controller
public class MailboxController {

	private final UserRepository users;

	public MailboxController(UserRepository users) {
		this.users = users;
	}

	@BatchMapping(typeName = "Mailbox", field = "user")
	public Map<Mailbox, User> mailboxUser(List<Mailbox> mailboxes) {
		return BatchLookups.toOne(mailboxes, Mailbox::userId, this.users::findByIds);
	}

}
