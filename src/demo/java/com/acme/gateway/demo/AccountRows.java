package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.ACCOUNT;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.jooq.Field;
import org.jooq.Table;

/** Companies with unique names and {@code .example} domains; one in ten has no domain. */
record AccountRows(DemoDataShape shape) implements TableRows {

	@Override
	public Table<?> table() {
		return ACCOUNT;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(ACCOUNT.ID, ACCOUNT.NAME, ACCOUNT.DOMAIN, ACCOUNT.CREATED_AT, ACCOUNT.UPDATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		for (long id = 1; id <= shape.accounts(); id++) {
			SplittableRandom random = RowRandom.of(RowRandom.Salt.ACCOUNT, id);
			Instant createdAt = DemoTime.referenceDataCreatedAt(random);
			out.id(id)
				.text(DemoText.accountName(id))
				.text(random.nextInt(10) == 0 ? null : DemoText.accountDomain(id))
				.timestamp(createdAt)
				.timestamp(DemoTime.after(random, createdAt, Duration.ofDays(500)))
				.endRow();
		}
	}
}
