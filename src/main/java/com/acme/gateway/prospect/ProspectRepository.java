package com.acme.gateway.prospect;

import static com.acme.gateway.database.generated.Tables.PROSPECT;

import static java.util.Map.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import com.acme.gateway.database.Columns;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

/** Reads prospects. */
@Repository
public class ProspectRepository {

	/**
	 * A prospect's columns: the lookup here and the sequence-state queries that join
	 * prospects select them, so both read the same columns into the same record.
	 */
	public static final Columns<Prospect> PROSPECT_COLUMNS = Columns.of(PROSPECT.ID,
			List.of(entry("id", PROSPECT.ID), entry("account", PROSPECT.ACCOUNT_ID),
					entry("firstName", PROSPECT.FIRST_NAME), entry("lastName", PROSPECT.LAST_NAME),
					entry("emails", PROSPECT.EMAILS), entry("createdAt", PROSPECT.CREATED_AT),
					entry("updatedAt", PROSPECT.UPDATED_AT)),
			row -> new Prospect(row.get(PROSPECT.ID), row.get(PROSPECT.ACCOUNT_ID), row.get(PROSPECT.FIRST_NAME),
					row.get(PROSPECT.LAST_NAME), emails(row.get(PROSPECT.EMAILS)), row.get(PROSPECT.CREATED_AT),
					row.get(PROSPECT.UPDATED_AT)));

	/** Null when the row did not select the emails: the page did not ask for them. */
	private static List<String> emails(String[] emails) {
		return (emails != null) ? Arrays.asList(emails) : null;
	}

	private final DSLContext dsl;

	public ProspectRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, Prospect> findByIds(Set<Long> ids) {
		return this.dsl.select(PROSPECT_COLUMNS.fields())
			.from(PROSPECT)
			.where(AnyOf.longs(PROSPECT.ID, ids))
			.fetchMap(PROSPECT.ID, PROSPECT_COLUMNS::read);
	}

}
