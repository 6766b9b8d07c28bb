package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.APP_USER;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.jooq.Field;
import org.jooq.Table;

/**
 * Users: one in twenty is an {@code admin} (user 1 always), the rest are {@code rep}s.
 */
record AppUserRows(DemoDataShape shape) implements TableRows {

	/** Users are named from another part of the name list than the first prospects. */
	private static final long NAME_OFFSET = 1250;

	@Override
	public Table<?> table() {
		return APP_USER;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(APP_USER.ID, APP_USER.EMAIL, APP_USER.FIRST_NAME, APP_USER.LAST_NAME, APP_USER.ROLE,
				APP_USER.CREATED_AT, APP_USER.UPDATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		for (long id = 1; id <= shape.users(); id++) {
			SplittableRandom random = RowRandom.of(RowRandom.Salt.USER, id);
			Instant createdAt = DemoTime.referenceDataCreatedAt(random);
			out.id(id)
				.text(email(id))
				.text(DemoText.firstName(id + NAME_OFFSET))
				.text(DemoText.lastName(id + NAME_OFFSET))
				.text(id % 20 == 1 ? "admin" : "rep")
				.timestamp(createdAt)
				.timestamp(DemoTime.after(random, createdAt, Duration.ofDays(300)))
				.endRow();
		}
	}

	/** Unique, as app_user_email_key requires. */
	static String localPart(long userId) {
		long person = userId + NAME_OFFSET;
		return DemoText.localPart(DemoText.firstName(person), DemoText.lastName(person), person);
	}

	static String email(long userId) {
		return localPart(userId) + "@acme-demo.example";
	}
}
