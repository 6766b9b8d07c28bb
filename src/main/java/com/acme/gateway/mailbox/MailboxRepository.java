package com.acme.gateway.mailbox;

import static com.acme.gateway.database.generated.Tables.MAILBOX;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import com.acme.gateway.database.Columns;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

/** Reads mailboxes. */
@Repository
public class MailboxRepository {

	/**
	 * A mailbox's columns: the lookup here and the sequence-state queries that join
	 * mailboxs select them, so both read the same columns into the same record.
	 */
	public static final Columns<Mailbox> MAILBOX_COLUMNS = Columns.of(MAILBOX.ID,
			List.of(entry("id", MAILBOX.ID), entry("email", MAILBOX.EMAIL), entry("user", MAILBOX.USER_ID),
					entry("createdAt", MAILBOX.CREATED_AT), entry("updatedAt", MAILBOX.UPDATED_AT)),
			row -> new Mailbox(row.get(MAILBOX.ID), row.get(MAILBOX.EMAIL), row.get(MAILBOX.USER_ID),
					row.get(MAILBOX.CREATED_AT), row.get(MAILBOX.UPDATED_AT)));

	private final DSLContext dsl;

	public MailboxRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, Mailbox> findByIds(Set<Long> ids) {
		return this.dsl.select(MAILBOX_COLUMNS.fields())
			.from(MAILBOX)
			.where(AnyOf.longs(MAILBOX.ID, ids))
			.fetchMap(MAILBOX.ID, MAILBOX_COLUMNS::read);
	}

}
