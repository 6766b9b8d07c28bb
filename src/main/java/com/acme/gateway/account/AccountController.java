package com.acme.gateway.account;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.opportunity.Opportunity;
import com.acme.gateway.prospect.Prospect;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Resolves every field that links to an {@link Account}, one query per batch. */
@Controller
public class AccountController {

	private final AccountRepository accounts;

	public AccountController(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@BatchMapping(typeName = "Prospect", field = "account")
	public Map<Prospect, Account> prospectAccount(List<Prospect> prospects) {
		return BatchLookups.toOne(prospects, Prospect::accountId, this.accounts::findByIds);
	}

	@BatchMapping(typeName = "Opportunity", field = "account")
	public Map<Opportunity, Account> opportunityAccount(List<Opportunity> opportunities) {
		return BatchLookups.toOne(opportunities, Opportunity::accountId, this.accounts::findByIds);
	}

}
