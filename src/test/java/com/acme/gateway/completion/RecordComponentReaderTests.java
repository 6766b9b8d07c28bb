package com.acme.gateway.completion;

import java.util.Map;

import graphql.Scalars;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RecordComponentReader} answers as graphql-java's property fetcher does, and
 * reads a public record's accessor without asking the fetcher. (The equivalence of whole
 * responses is {@code DirectCompletionIntegrationTests}'s job.)
 */
class RecordComponentReaderTests {

	public record Person(String name, Integer age) {
	}

	public record Pet(String name) {
	}

	record Hidden(String name) {
	}

	private static final GraphQLFieldDefinition NAME = GraphQLFieldDefinition.newFieldDefinition()
		.name("name")
		.type(Scalars.GraphQLString)
		.build();

	/** A fetcher that must not be reached: proves the reader used the accessor itself. */
	private static final LightDataFetcher<Object> UNREACHABLE = new LightDataFetcher<>() {
		@Override
		public Object get(GraphQLFieldDefinition definition, Object source,
				java.util.function.Supplier<graphql.schema.DataFetchingEnvironment> environment) {
			throw new IllegalStateException("the fetcher was asked for " + source);
		}

		@Override
		public Object get(graphql.schema.DataFetchingEnvironment environment) {
			throw new IllegalStateException("the fetcher was asked");
		}
	};

	@Test
	void readsAPublicRecordsAccessorWithoutTheFetcher() {
		RecordComponentReader reader = new RecordComponentReader("name", CompletionPlanner.fetching(NAME, UNREACHABLE));

		assertThat(reader.read(new Person("Ada", 36), null)).isEqualTo("Ada");
		assertThat(reader.read(new Person(null, 36), null)).isNull();
	}

	@Test
	void followsTheSourceClassFromOneValueToTheNext() {
		RecordComponentReader reader = new RecordComponentReader("name",
				CompletionPlanner.fetching(NAME, (LightDataFetcher<?>) SingletonPropertyDataFetcher.singleton()));

		assertThat(reader.read(new Person("Ada", 36), null)).isEqualTo("Ada");
		assertThat(reader.read(new Pet("Rex"), null)).isEqualTo("Rex");
		assertThat(reader.read(Map.of("name", "from a map"), null)).isEqualTo("from a map");
		assertThat(reader.read(new Person("Grace", 85), null)).isEqualTo("Grace");
	}

	@Test
	void leavesAnythingButAPublicRecordToTheFetcher() {
		RecordComponentReader direct = new RecordComponentReader("name", CompletionPlanner.fetching(NAME, UNREACHABLE));

		// The fetcher failing is reported as NotDirect: the standard path then reports it
		// properly.
		assertThatThrownBy(() -> direct.read(Map.of("name", "x"), null)).isSameAs(NotDirect.INSTANCE);
		assertThatThrownBy(() -> direct.read(new Hidden("x"), null)).isSameAs(NotDirect.INSTANCE);
	}

	@Test
	void aVirtualMachineErrorIsNotTurnedIntoAFallBack() {
		LightDataFetcher<Object> outOfMemory = new LightDataFetcher<>() {
			@Override
			public Object get(GraphQLFieldDefinition definition, Object source,
					java.util.function.Supplier<graphql.schema.DataFetchingEnvironment> environment) {
				throw new OutOfMemoryError("test");
			}

			@Override
			public Object get(graphql.schema.DataFetchingEnvironment environment) {
				throw new OutOfMemoryError("test");
			}
		};
		RecordComponentReader reader = new RecordComponentReader("name", CompletionPlanner.fetching(NAME, outOfMemory));

		assertThatThrownBy(() -> reader.read(Map.of("name", "x"), null)).isInstanceOf(OutOfMemoryError.class);
	}

	@Test
	void aPropertyTheRecordLacksIsTheFetchersToAnswer() {
		GraphQLFieldDefinition nickname = GraphQLFieldDefinition.newFieldDefinition()
			.name("nickname")
			.type(Scalars.GraphQLString)
			.build();
		RecordComponentReader reader = new RecordComponentReader("nickname",
				CompletionPlanner.fetching(nickname, (LightDataFetcher<?>) SingletonPropertyDataFetcher.singleton()));

		assertThat(reader.read(new Person("Ada", 36), null)).isNull();
	}

}
