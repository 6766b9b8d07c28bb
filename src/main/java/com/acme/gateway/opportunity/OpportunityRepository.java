package com.acme.gateway.opportunity;

import static com.acme.gateway.database.generated.Tables.OPPORTUNITY;

import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import org.jooq.DSLContext;
import org.jooq.Records;

import org.springframework.stereotype.Repository;

/** Reads opportunities. */
@Repository
public class OpportunityRepository {

	private final DSLContext dsl;

	public OpportunityRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, Opportunity> findByIds(Set<Long> ids) {
		return this.dsl
			.select(OPPORTUNITY.ID, OPPORTUNITY.NAME, OPPORTUNITY.ACCOUNT_ID, OPPORTUNITY.CREATED_AT,
					OPPORTUNITY.UPDATED_AT)
			.from(OPPORTUNITY)
			.where(AnyOf.longs(OPPORTUNITY.ID, ids))
			.fetchMap(OPPORTUNITY.ID, Records.mapping(Opportunity::new));
	}

}
