package com.acme.gateway.mailbox;

import static com.acme.gateway.database.generated.Tables.MAILBOX;

import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import org.jooq.DSLContext;
import org.jooq.Records;

import org.springframework.stereotype.Repository;

/** Reads mailboxes. */
@Repository
public class MailboxRepository {

	private final DSLContext dsl;

	public MailboxRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, Mailbox> findByIds(Set<Long> ids) {
		return this.dsl.select(MAILBOX.ID, MAILBOX.EMAIL, MAILBOX.USER_ID, MAILBOX.CREATED_AT, MAILBOX.UPDATED_AT)
			.from(MAILBOX)
			.where(AnyOf.longs(MAILBOX.ID, ids))
			.fetchMap(MAILBOX.ID, Records.mapping(Mailbox::new));
	}

}
