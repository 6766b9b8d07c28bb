package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.MAILBOX;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.jooq.Field;
import org.jooq.Table;

/** Two mailboxes per user: the user's own address and a sending alias. */
record MailboxRows(DemoDataShape shape) implements TableRows {

	@Override
	public Table<?> table() {
		return MAILBOX;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(MAILBOX.ID, MAILBOX.EMAIL, MAILBOX.USER_ID, MAILBOX.CREATED_AT, MAILBOX.UPDATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		for (long id = 1; id <= shape.mailboxes(); id++) {
			SplittableRandom random = RowRandom.of(RowRandom.Salt.MAILBOX, id);
			long userId = shape.userOfMailbox(id);
			Instant createdAt = DemoTime.referenceDataCreatedAt(random);
			out.id(id)
				.text(AppUserRows.localPart(userId)
						+ (id % 2 == 1 ? "@acme-demo.example" : "@outreach.acme-demo.example"))
				.id(userId)
				.timestamp(createdAt)
				.timestamp(DemoTime.after(random, createdAt, Duration.ofDays(300)))
				.endRow();
		}
	}
}
