package com.acme.gateway.account;

import static com.acme.gateway.database.generated.Tables.ACCOUNT;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import com.acme.gateway.database.Columns;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

/** Reads accounts. */
@Repository
public class AccountRepository {

	/**
	 * An account's columns: the lookup here and the sequence-state queries that join
	 * accounts select them, so both read the same columns into the same record.
	 */
	public static final Columns<Account> ACCOUNT_COLUMNS = Columns.of(ACCOUNT.ID,
			List.of(entry("id", ACCOUNT.ID), entry("name", ACCOUNT.NAME), entry("domain", ACCOUNT.DOMAIN),
					entry("createdAt", ACCOUNT.CREATED_AT), entry("updatedAt", ACCOUNT.UPDATED_AT)),
			row -> new Account(row.get(ACCOUNT.ID), row.get(ACCOUNT.NAME), row.get(ACCOUNT.DOMAIN),
					row.get(ACCOUNT.CREATED_AT), row.get(ACCOUNT.UPDATED_AT)));

	private final DSLContext dsl;

	public AccountRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, Account> findByIds(Set<Long> ids) {
		return this.dsl.select(ACCOUNT_COLUMNS.fields())
			.from(ACCOUNT)
			.where(AnyOf.longs(ACCOUNT.ID, ids))
			.fetchMap(ACCOUNT.ID, ACCOUNT_COLUMNS::read);
	}

}
