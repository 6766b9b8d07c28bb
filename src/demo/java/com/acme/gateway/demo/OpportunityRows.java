package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.OPPORTUNITY;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.jooq.Field;
import org.jooq.Table;

/**
 * One open deal for every odd-numbered account (see
 * {@link DemoDataShape#accountOfOpportunity}).
 */
record OpportunityRows(DemoDataShape shape) implements TableRows {

	private static final String[] KINDS = { "New business", "Expansion", "Renewal" };

	@Override
	public Table<?> table() {
		return OPPORTUNITY;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(OPPORTUNITY.ID, OPPORTUNITY.NAME, OPPORTUNITY.ACCOUNT_ID, OPPORTUNITY.CREATED_AT,
				OPPORTUNITY.UPDATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		for (long id = 1; id <= shape.opportunities(); id++) {
			SplittableRandom random = RowRandom.of(RowRandom.Salt.OPPORTUNITY, id);
			long accountId = shape.accountOfOpportunity(id);
			Instant createdAt = DemoTime.referenceDataCreatedAt(random);
			out.id(id)
				.text(DemoText.accountName(accountId) + " - " + KINDS[random.nextInt(KINDS.length)])
				.id(accountId)
				.timestamp(createdAt)
				.timestamp(DemoTime.after(random, createdAt, Duration.ofDays(300)))
				.endRow();
		}
	}
}
