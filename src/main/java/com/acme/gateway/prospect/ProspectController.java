package com.acme.gateway.prospect;

import java.util.List;
import java.util.Map;

import com.acme.gateway.account.Account;
import com.acme.gateway.account.AccountRepository;
import com.acme.gateway.graphql.BatchLookups;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves the fields of a {@link Prospect} that link to other types, one query per
 * batch.
 */
@Controller
public class ProspectController {

	private final AccountRepository accounts;

	public ProspectController(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@BatchMapping(typeName = "Prospect", field = "account")
	public Map<Prospect, Account> prospectAccount(List<Prospect> prospects) {
		return BatchLookups.toOne(prospects, Prospect::accountId, this.accounts::findByIds);
	}

}
