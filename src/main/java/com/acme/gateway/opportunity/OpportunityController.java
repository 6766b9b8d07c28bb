package com.acme.gateway.opportunity;

import java.util.List;
import java.util.Map;

import com.acme.gateway.account.Account;
import com.acme.gateway.account.AccountRepository;
import com.acme.gateway.graphql.BatchLookups;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves the fields of an {@link Opportunity} that link to other types, one query per
 * batch.
 */
@Controller
public class OpportunityController {

	private final AccountRepository accounts;

	public OpportunityController(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@BatchMapping(typeName = "Opportunity", field = "account")
	public Map<Opportunity, Account> opportunityAccount(List<Opportunity> opportunities) {
		return BatchLookups.toOne(opportunities, Opportunity::accountId, this.accounts::findByIds);
	}

}
