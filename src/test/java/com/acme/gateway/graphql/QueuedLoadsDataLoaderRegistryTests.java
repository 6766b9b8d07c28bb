package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DispatchResult;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.dataloader.instrumentation.DataLoaderInstrumentationContext;
import org.junit.jupiter.api.Test;

class QueuedLoadsDataLoaderRegistryTests {

	/**
	 * The names of the loaders dispatched, in order, as the loaders' instrumentation saw
	 * them.
	 */
	private final List<String> dispatched = new CopyOnWriteArrayList<>();

	/** The key lists each batch function was called with. */
	private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

	private final QueuedLoadsDataLoaderRegistry registry = new QueuedLoadsDataLoaderRegistry();

	private final DataLoader<Integer, String> used = loader("used");

	private final DataLoader<Integer, String> idle = loader("idle");

	QueuedLoadsDataLoaderRegistryTests() {
		this.registry.register("used", this.used);
		this.registry.register("idle", this.idle);
	}

	@Test
	void dispatchesTheLoadersWithQueuedLoadsAsOneBatchEach() {
		CompletableFuture<String> one = this.used.load(1);
		CompletableFuture<String> two = this.used.load(2);

		this.registry.dispatchAll();

		assertThat(one.join()).isEqualTo("value 1");
		assertThat(two.join()).isEqualTo("value 2");
		assertThat(this.batches).containsExactly(List.of(1, 2));
		assertThat(this.dispatched).containsExactly("used");
	}

	@Test
	void leavesLoadersWithNothingQueuedAlone() {
		this.registry.dispatchAll();

		assertThat(this.dispatched).isEmpty();
		assertThat(this.batches).isEmpty();
	}

	@Test
	void countsTheKeysItDispatched() {
		this.used.load(1);
		this.used.load(2);
		this.idle.load(3);

		assertThat(this.registry.dispatchAllWithCount()).isEqualTo(3);
		assertThat(this.dispatched).containsExactlyInAnyOrder("used", "idle");
		assertThat(this.registry.dispatchAllWithCount()).isZero();
		assertThat(this.dispatched).hasSize(2);
	}

	private DataLoader<Integer, String> loader(String name) {
		DataLoaderInstrumentation instrumentation = new DataLoaderInstrumentation() {
			@Override
			public DataLoaderInstrumentationContext<DispatchResult<?>> beginDispatch(DataLoader<?, ?> dataLoader) {
				QueuedLoadsDataLoaderRegistryTests.this.dispatched.add(dataLoader.getName());
				return null;
			}
		};
		DataLoaderOptions options = DataLoaderOptions.newDefaultOptions()
			.transform(builder -> builder.setInstrumentation(instrumentation));
		return DataLoaderFactory.newDataLoader(name, keys -> {
			this.batches.add(List.copyOf(keys));
			List<String> values = new ArrayList<>();
			keys.forEach(key -> values.add("value " + key));
			return CompletableFuture.completedFuture(values);
		}, options);
	}

}
