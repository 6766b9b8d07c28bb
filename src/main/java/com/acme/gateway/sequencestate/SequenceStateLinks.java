package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.ACCOUNT;
import static com.acme.gateway.database.generated.Tables.APP_USER;
import static com.acme.gateway.database.generated.Tables.BATCH_ITEM;
import static com.acme.gateway.database.generated.Tables.MAILBOX;
import static com.acme.gateway.database.generated.Tables.OPPORTUNITY;
import static com.acme.gateway.database.generated.Tables.PROSPECT;
import static com.acme.gateway.database.generated.Tables.SEQUENCE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STEP;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.account.AccountRepository;
import com.acme.gateway.batchitem.BatchItemRepository;
import com.acme.gateway.graphql.SelectedFields;
import com.acme.gateway.graphql.SelectionShape;
import com.acme.gateway.mailbox.MailboxRepository;
import com.acme.gateway.opportunity.OpportunityRepository;
import com.acme.gateway.prospect.ProspectRepository;
import com.acme.gateway.sequence.SequenceRepository;
import com.acme.gateway.user.UserRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The to-one fields of {@code SequenceState}, each with its data fetcher and DataLoader.
 * A query that loads states joins the links its selection asks for ({@link #selectedIn}),
 * so a page of 50 states with five linked types is one statement instead of six; any
 * other path to a state (a mutation's result, a nested state) batches through the
 * DataLoaders as before.
 */
@Component
public class SequenceStateLinks implements RuntimeWiringConfigurer {

	private final List<SequenceStateLink<?>> links;

	/**
	 * The links each selection joins, shared by the requests that send the same document
	 * (see {@link SelectionShape}): working them out again for every request repeats the
	 * same walk of the selection (BENCHMARKS.md, "Code shaped by measurements").
	 */
	private final Cache<SelectionShape, List<SequenceStateLink<?>>> selections = Caffeine.newBuilder()
		.maximumSize(10_000)
		.build();

	public SequenceStateLinks(ProspectRepository prospects, AccountRepository accounts, SequenceRepository sequences,
			MailboxRepository mailboxes, OpportunityRepository opportunities, UserRepository users,
			BatchItemRepository batchItems, BatchLoaderRegistry dataLoaders) {
		this.links = List.of(
				new SequenceStateLink<>("prospect", SEQUENCE_STATE.PROSPECT_ID, SequenceState::prospectId, PROSPECT,
						PROSPECT.ID, ProspectRepository.PROSPECT_COLUMNS, prospects::findByIds),
				new SequenceStateLink<>("account", SEQUENCE_STATE.ACCOUNT_ID, SequenceState::accountId, ACCOUNT,
						ACCOUNT.ID, AccountRepository.ACCOUNT_COLUMNS, accounts::findByIds),
				new SequenceStateLink<>("sequence", SEQUENCE_STATE.SEQUENCE_ID, SequenceState::sequenceId, SEQUENCE,
						SEQUENCE.ID, SequenceRepository.SEQUENCE_COLUMNS, sequences::findByIds),
				new SequenceStateLink<>("sequenceStep", SEQUENCE_STATE.SEQUENCE_STEP_ID, SequenceState::sequenceStepId,
						SEQUENCE_STEP, SEQUENCE_STEP.ID, SequenceRepository.SEQUENCE_STEP_COLUMNS,
						sequences::findStepsByIds),
				new SequenceStateLink<>("mailbox", SEQUENCE_STATE.MAILBOX_ID, SequenceState::mailboxId, MAILBOX,
						MAILBOX.ID, MailboxRepository.MAILBOX_COLUMNS, mailboxes::findByIds),
				new SequenceStateLink<>("opportunity", SEQUENCE_STATE.OPPORTUNITY_ID, SequenceState::opportunityId,
						OPPORTUNITY, OPPORTUNITY.ID, OpportunityRepository.OPPORTUNITY_COLUMNS,
						opportunities::findByIds),
				new SequenceStateLink<>("creator", SEQUENCE_STATE.CREATOR_ID, SequenceState::creatorId, APP_USER,
						APP_USER.ID, UserRepository.USER_COLUMNS, users::findByIds),
				new SequenceStateLink<>("batchItemCreator", SEQUENCE_STATE.BATCH_ITEM_CREATOR_ID,
						SequenceState::batchItemCreatorId, BATCH_ITEM, BATCH_ITEM.ID,
						BatchItemRepository.BATCH_ITEM_COLUMNS, batchItems::findByIds));
		this.links.forEach(link -> register(dataLoaders, link));
	}

	private static <T> void register(BatchLoaderRegistry dataLoaders, SequenceStateLink<T> link) {
		dataLoaders.<Long, T>forName(link.dataLoaderName())
			.registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> link.findByIds().apply(ids)));
	}

	@Override
	public void configure(graphql.schema.idl.RuntimeWiring.Builder wiring) {
		wiring.type("SequenceState", type -> {
			this.links.forEach(link -> type.dataFetcher(link.field(), link.fetcher()));
			return type;
		});
	}

	/**
	 * Every to-one link, each a field of {@code SequenceState} whose joined row can be
	 * read directly.
	 */
	public List<SequenceStateLink<?>> links() {
		return this.links;
	}

	/**
	 * The links selected on the states at {@code path} below the current field (no path
	 * for a field that returns states, {@code "edges", "node"} for a connection), each
	 * reading only the columns its own selection asks for.
	 */
	List<SequenceStateLink<?>> selectedIn(DataFetchingEnvironment environment, String... path) {
		SelectionShape shape = SelectionShape.of(environment.getOperationDefinition(),
				environment.getMergedField().getFields(), environment.getVariables(), List.of(path));
		return this.selections.get(shape, key -> select(environment, path));
	}

	private List<SequenceStateLink<?>> select(DataFetchingEnvironment environment, String... path) {
		Map<String, Set<String>> fields = SelectedFields.selectionsAt(environment, path);
		List<SequenceStateLink<?>> selected = new ArrayList<>(this.links.size());
		for (SequenceStateLink<?> link : this.links) {
			Set<String> below = fields.get(link.field());
			if (below != null) {
				selected.add(link.selecting(below));
			}
		}
		return List.copyOf(selected);
	}

}
