package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.PROSPECT;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.jooq.Field;
import org.jooq.Table;

/**
 * People at accounts, with 1 to 3 lower-case email addresses (the contract stores emails
 * lower-case so that filters can compare exactly). The first address is unique.
 */
record ProspectRows(DemoDataShape shape) implements TableRows {

	@Override
	public Table<?> table() {
		return PROSPECT;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(PROSPECT.ID, PROSPECT.ACCOUNT_ID, PROSPECT.FIRST_NAME, PROSPECT.LAST_NAME, PROSPECT.EMAILS,
				PROSPECT.CREATED_AT, PROSPECT.UPDATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		for (long id = 1; id <= shape.prospects(); id++) {
			SplittableRandom random = RowRandom.of(RowRandom.Salt.PROSPECT, id);
			long accountId = shape.accountOfProspect(id);
			String firstName = DemoText.firstName(id);
			String lastName = DemoText.lastName(id);
			Instant createdAt = DemoTime.referenceDataCreatedAt(random);
			out.id(id)
				.id(accountId)
				.text(firstName)
				.text(lastName)
				.textArray(emails(random, id, accountId, firstName, lastName))
				.timestamp(createdAt)
				.timestamp(DemoTime.after(random, createdAt, Duration.ofDays(600)))
				.endRow();
		}
	}

	private static List<String> emails(SplittableRandom random, long id, long accountId, String firstName,
			String lastName) {
		String localPart = DemoText.localPart(firstName, lastName, id);
		String domain = DemoText.accountDomain(accountId);
		List<String> emails = new ArrayList<>(3);
		emails.add(localPart + "@" + domain);
		int extra = random.nextInt(10);
		if (extra >= 6) {
			emails.add(localPart + "@personal-mail.example");
		}
		if (extra >= 9) {
			emails.add((firstName.charAt(0) + lastName).toLowerCase(Locale.ROOT) + id + "@" + domain);
		}
		return emails;
	}
}
