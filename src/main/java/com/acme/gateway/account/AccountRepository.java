package com.acme.gateway.account;

import static com.acme.gateway.database.generated.Tables.ACCOUNT;

import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import org.jooq.DSLContext;
import org.jooq.Records;

import org.springframework.stereotype.Repository;

/** Reads accounts. */
@Repository
public class AccountRepository {

	private final DSLContext dsl;

	public AccountRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, Account> findByIds(Set<Long> ids) {
		return this.dsl.select(ACCOUNT.ID, ACCOUNT.NAME, ACCOUNT.DOMAIN, ACCOUNT.CREATED_AT, ACCOUNT.UPDATED_AT)
			.from(ACCOUNT)
			.where(AnyOf.longs(ACCOUNT.ID, ids))
			.fetchMap(ACCOUNT.ID, Records.mapping(Account::new));
	}

}
