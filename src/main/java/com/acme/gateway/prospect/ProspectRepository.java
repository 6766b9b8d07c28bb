package com.acme.gateway.prospect;

import static com.acme.gateway.database.generated.Tables.PROSPECT;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import org.jooq.DSLContext;
import org.jooq.Records;

import org.springframework.stereotype.Repository;

/** Reads prospects. */
@Repository
public class ProspectRepository {

	private final DSLContext dsl;

	public ProspectRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, Prospect> findByIds(Set<Long> ids) {
		return this.dsl
			.select(PROSPECT.ID, PROSPECT.ACCOUNT_ID, PROSPECT.FIRST_NAME, PROSPECT.LAST_NAME,
					PROSPECT.EMAILS.convertFrom(Arrays::asList), PROSPECT.CREATED_AT, PROSPECT.UPDATED_AT)
			.from(PROSPECT)
			.where(AnyOf.longs(PROSPECT.ID, ids))
			.fetchMap(PROSPECT.ID, Records.mapping(Prospect::new));
	}

}
