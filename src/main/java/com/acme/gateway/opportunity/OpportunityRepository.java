package com.acme.gateway.opportunity;

import static com.acme.gateway.database.generated.Tables.OPPORTUNITY;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import com.acme.gateway.database.Columns;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

/** Reads opportunities. */
@Repository
public class OpportunityRepository {

	/**
	 * An opportunity's columns: the lookup here and the sequence-state queries that join
	 * opportunitys select them, so both read the same columns into the same record.
	 */
	public static final Columns<Opportunity> OPPORTUNITY_COLUMNS = Columns.of(OPPORTUNITY.ID,
			List.of(entry("id", OPPORTUNITY.ID), entry("name", OPPORTUNITY.NAME),
					entry("account", OPPORTUNITY.ACCOUNT_ID), entry("createdAt", OPPORTUNITY.CREATED_AT),
					entry("updatedAt", OPPORTUNITY.UPDATED_AT)),
			row -> new Opportunity(row.get(OPPORTUNITY.ID), row.get(OPPORTUNITY.NAME), row.get(OPPORTUNITY.ACCOUNT_ID),
					row.get(OPPORTUNITY.CREATED_AT), row.get(OPPORTUNITY.UPDATED_AT)));

	private final DSLContext dsl;

	public OpportunityRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, Opportunity> findByIds(Set<Long> ids) {
		return this.dsl.select(OPPORTUNITY_COLUMNS.fields())
			.from(OPPORTUNITY)
			.where(AnyOf.longs(OPPORTUNITY.ID, ids))
			.fetchMap(OPPORTUNITY.ID, OPPORTUNITY_COLUMNS::read);
	}

}
