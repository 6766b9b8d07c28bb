package com.acme.gateway.graphql;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

/**
 * A request's DataLoader registry that dispatches only the loaders holding queued loads.
 *
 * <p>
 * Why: Spring for GraphQL registers every batch loader of the application (about twenty)
 * for every request, and graphql-java dispatches the whole registry each time a level of
 * the response completes. An empty {@link DataLoader#dispatch()} still stamps its
 * dispatch time from the clock and builds an empty result, so a by-id query, which uses
 * no DataLoader at all, made about 65 of them and 86 clock reads (BENCHMARKS.md, "Code
 * shaped by measurements"). Skipping a loader with nothing queued changes nothing else:
 * its dispatch would have sent no batch, and its last dispatch time matters only to
 * scheduled registries, which this application does not use.
 */
public class QueuedLoadsDataLoaderRegistry extends DataLoaderRegistry {

	@Override
	public void dispatchAll() {
		for (DataLoader<?, ?> loader : this.dataLoaders.values()) {
			if (loader.dispatchDepth() > 0) {
				loader.dispatch();
			}
		}
	}

	@Override
	public int dispatchAllWithCount() {
		int dispatched = 0;
		for (DataLoader<?, ?> loader : this.dataLoaders.values()) {
			if (loader.dispatchDepth() > 0) {
				dispatched += loader.dispatchWithCounts().getKeysCount();
			}
		}
		return dispatched;
	}

}
