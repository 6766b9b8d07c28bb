package com.acme.gateway.aggregate;

import java.util.Map;
import java.util.function.Function;

import graphql.schema.DataFetcher;
import org.dataloader.DataLoader;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The related objects of a group's keys ({@code sequence}, {@code mailbox}, ...), loaded
 * through the DataLoaders of {@code SequenceState}'s own links
 * ({@code SequenceStateLinks}): the groups of a page share one {@code = any(?)} statement
 * per related type, whatever the page size, and the objects are the same records a
 * state's links answer, so their own relationships batch too.
 */
@Component
public class GroupKeyLinks implements RuntimeWiringConfigurer {

	/**
	 * Key field, its id in {@link SequenceStateGroupKeys}, and the state link whose
	 * loader finds it.
	 */
	private static final Map<String, Function<SequenceStateGroupKeys, Long>> IDS = Map.of("sequence",
			SequenceStateGroupKeys::sequenceId, "sequenceStep", SequenceStateGroupKeys::sequenceStepId, "mailbox",
			SequenceStateGroupKeys::mailboxId, "account", SequenceStateGroupKeys::accountId, "creator",
			SequenceStateGroupKeys::creatorId, "opportunity", SequenceStateGroupKeys::opportunityId, "prospect",
			SequenceStateGroupKeys::prospectId);

	@Override
	public void configure(graphql.schema.idl.RuntimeWiring.Builder wiring) {
		wiring.type("SequenceStateGroupKeys", type -> {
			IDS.forEach((field, id) -> type.dataFetcher(field, loading(field, id)));
			return type;
		});
	}

	/** The loader names are those {@code SequenceStateLink#dataLoaderName} registers. */
	private static DataFetcher<Object> loading(String field, Function<SequenceStateGroupKeys, Long> id) {
		String loaderName = "SequenceState." + field;
		return environment -> {
			Long key = id.apply(environment.getSource());
			if (key == null) {
				return null;
			}
			DataLoader<Long, Object> loader = environment.getDataLoader(loaderName);
			return loader.load(key);
		};
	}

}
