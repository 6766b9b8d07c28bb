package com.acme.gateway.federation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.acme.gateway.account.Account;
import com.acme.gateway.account.AccountRepository;
import com.acme.gateway.mailbox.Mailbox;
import com.acme.gateway.mailbox.MailboxRepository;
import com.acme.gateway.prospect.Prospect;
import com.acme.gateway.prospect.ProspectRepository;
import com.acme.gateway.sequence.Sequence;
import com.acme.gateway.sequence.SequenceRepository;
import com.acme.gateway.sequence.SequenceStep;
import com.acme.gateway.sequencestate.SequenceState;
import com.acme.gateway.sequencestate.SequenceStateRepository;
import com.acme.gateway.user.User;
import com.acme.gateway.user.UserRepository;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.stereotype.Controller;

/**
 * Resolves the {@code _entities} representations of each entity type, one statement per
 * type however many representations of it a request holds: each method is batched (a list
 * of ids in, a list of entities out, same size, same order), which Spring for GraphQL
 * calls once per type. An id without a row is a null entry and no error: the router asked
 * for something this subgraph does not have, as with {@code sequenceState(id:)}. The ids
 * arrive parsed and valid ({@link RepresentationGuard}). The entities' own fields resolve
 * as anywhere else: their links load through the batch mappings of their types.
 */
@Controller
public class FederatedEntities {

	private final SequenceStateRepository states;

	private final ProspectRepository prospects;

	private final AccountRepository accounts;

	private final SequenceRepository sequences;

	private final MailboxRepository mailboxes;

	private final UserRepository users;

	public FederatedEntities(SequenceStateRepository states, ProspectRepository prospects, AccountRepository accounts,
			SequenceRepository sequences, MailboxRepository mailboxes, UserRepository users) {
		this.states = states;
		this.prospects = prospects;
		this.accounts = accounts;
		this.sequences = sequences;
		this.mailboxes = mailboxes;
		this.users = users;
	}

	@EntityMapping
	public List<SequenceState> sequenceState(@Argument List<Long> idList) {
		return inRequestOrder(idList, this.states::findByIds);
	}

	@EntityMapping
	public List<Prospect> prospect(@Argument List<Long> idList) {
		return inRequestOrder(idList, this.prospects::findByIds);
	}

	@EntityMapping
	public List<Account> account(@Argument List<Long> idList) {
		return inRequestOrder(idList, this.accounts::findByIds);
	}

	@EntityMapping
	public List<Sequence> sequence(@Argument List<Long> idList) {
		return inRequestOrder(idList, this.sequences::findByIds);
	}

	@EntityMapping
	public List<SequenceStep> sequenceStep(@Argument List<Long> idList) {
		return inRequestOrder(idList, this.sequences::findStepsByIds);
	}

	@EntityMapping
	public List<Mailbox> mailbox(@Argument List<Long> idList) {
		return inRequestOrder(idList, this.mailboxes::findByIds);
	}

	@EntityMapping
	public List<User> user(@Argument List<Long> idList) {
		return inRequestOrder(idList, this.users::findByIds);
	}

	/**
	 * Each distinct id looked up once; the answer has one entry per id asked, null when
	 * not found.
	 */
	private static <T> List<T> inRequestOrder(List<Long> ids, Function<Set<Long>, Map<Long, T>> findByIds) {
		Map<Long, T> found = findByIds.apply(new LinkedHashSet<>(ids));
		List<T> entities = new ArrayList<>(ids.size());
		ids.forEach(id -> entities.add(found.get(id)));
		return entities;
	}

}
