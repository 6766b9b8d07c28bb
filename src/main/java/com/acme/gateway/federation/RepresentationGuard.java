package com.acme.gateway.federation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.Ids;
import com.acme.gateway.graphql.InvalidInputException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;

/**
 * Checks every representation of an {@code _entities} request before the entity fetcher
 * of {@link org.springframework.graphql.data.federation.FederationSchemaFactory} sees it:
 * a representation without a {@code __typename} of this subgraph's entities, or without a
 * valid {@code id}, becomes a {@code BAD_USER_INPUT} error at its own path
 * ({@code _entities.N}) and a null entry, and only the valid ones are fetched.
 * <p>
 * Why not leave it to the {@code @EntityMapping} methods: they are batched (one statement
 * per type), and the factory fails every representation of a batch when its method
 * throws, so one malformed id would turn the whole type's answers into errors. The ids
 * handed on are parsed already ({@code Long}), so the entity methods need not parse
 * again.
 * <p>
 * Errors of the fetched entries come back with the index of the narrowed list in their
 * path; they are moved to the index of the request. An unexpected failure keeps its
 * classification but not its message, which could name SQL or classes.
 */
final class RepresentationGuard implements DataFetcher<Object> {

	static final String ENTITIES = "_entities";

	static final String REPRESENTATIONS = "representations";

	private final DataFetcher<?> entities;

	private final Set<String> entityTypes;

	private RepresentationGuard(DataFetcher<?> entities, Set<String> entityTypes) {
		this.entities = entities;
		this.entityTypes = entityTypes;
	}

	/**
	 * The schema with {@code Query._entities} guarded; unchanged when the schema has no
	 * entities.
	 */
	static GraphQLSchema install(GraphQLSchema schema) {
		GraphQLObjectType query = schema.getQueryType();
		GraphQLFieldDefinition field = query.getFieldDefinition(ENTITIES);
		if (field == null || !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLUnionType union)) {
			return schema;
		}
		Set<String> entityTypes = new TreeSet<>();
		union.getTypes().forEach(type -> entityTypes.add(((GraphQLNamedType) type).getName()));
		FieldCoordinates coordinates = FieldCoordinates.coordinates(query, field);
		GraphQLCodeRegistry registry = schema.getCodeRegistry();
		DataFetcher<?> entities = registry.getDataFetcher(coordinates, field);
		GraphQLCodeRegistry guarded = registry
			.transform(builder -> builder.dataFetcher(coordinates, new RepresentationGuard(entities, entityTypes)));
		return schema.transform(builder -> builder.codeRegistry(guarded));
	}

	@Override
	public Object get(DataFetchingEnvironment environment) throws Exception {
		List<Map<String, Object>> representations = environment.getArgument(REPRESENTATIONS);
		if (representations == null) {
			return this.entities.get(environment);
		}
		ResultPath path = environment.getExecutionStepInfo().getPath();
		List<Integer> accepted = new ArrayList<>(representations.size());
		List<Map<String, Object>> valid = new ArrayList<>(representations.size());
		List<GraphQLError> refused = new ArrayList<>();
		for (int i = 0; i < representations.size(); i++) {
			try {
				valid.add(checked(representations.get(i), i));
				accepted.add(i);
			}
			catch (InvalidInputException ex) {
				refused.add(GraphqlErrorBuilder.newError(environment)
					.path(path.segment(i))
					.errorType(ErrorCode.BAD_USER_INPUT)
					.message(ex.getMessage())
					.build());
			}
		}
		if (valid.isEmpty()) {
			return merged(DataFetcherResult.newResult().data(List.of()).build(), representations.size(), accepted,
					refused, path);
		}
		Object fetched = this.entities.get(new NarrowedEnvironment(environment, valid));
		if (fetched instanceof Mono<?> mono) {
			return mono.map(result -> merged(result, representations.size(), accepted, refused, path));
		}
		return merged(fetched, representations.size(), accepted, refused, path);
	}

	/**
	 * The representation with its id parsed, or an {@link InvalidInputException} saying
	 * what is wrong.
	 */
	private Map<String, Object> checked(Map<String, Object> representation, int index) {
		String name = "representations[" + index + "]";
		Object type = representation.get("__typename");
		if (!(type instanceof String typeName) || !this.entityTypes.contains(typeName)) {
			throw new InvalidInputException("%s has the __typename %s, which is not an entity of this subgraph (%s)"
				.formatted(name, (type instanceof String text) ? "\"" + text + "\"" : "missing",
						String.join(", ", this.entityTypes)));
		}
		Object id = representation.get("id");
		if (id == null) {
			throw new InvalidInputException(name + " has no id; every entity of this subgraph is keyed by id");
		}
		Map<String, Object> parsed = new LinkedHashMap<>(representation);
		parsed.put("id", Ids.parse(String.valueOf(id), name + ".id"));
		return parsed;
	}

	@SuppressWarnings("unchecked")
	private static DataFetcherResult<List<Object>> merged(Object fetched, int size, List<Integer> accepted,
			List<GraphQLError> refused, ResultPath path) {
		DataFetcherResult<List<Object>> result = (fetched instanceof DataFetcherResult<?> dataFetcherResult)
				? (DataFetcherResult<List<Object>>) dataFetcherResult
				: DataFetcherResult.<List<Object>>newResult().data((List<Object>) fetched).build();
		Object[] entries = new Object[size];
		List<Object> data = (result.getData() != null) ? result.getData() : List.of();
		for (int j = 0; j < data.size() && j < accepted.size(); j++) {
			entries[accepted.get(j)] = data.get(j);
		}
		List<GraphQLError> errors = new ArrayList<>(refused);
		result.getErrors().forEach(error -> errors.add(movedToRequestIndex(error, accepted, path)));
		return DataFetcherResult.<List<Object>>newResult().data(Arrays.asList(entries)).errors(errors).build();
	}

	private static GraphQLError movedToRequestIndex(GraphQLError error, List<Integer> accepted, ResultPath path) {
		List<Object> errorPath = (error.getPath() != null) ? new ArrayList<>(error.getPath()) : new ArrayList<>();
		int indexPosition = path.getLevel();
		if (errorPath.size() > indexPosition && errorPath.get(indexPosition) instanceof Integer index
				&& index < accepted.size()) {
			errorPath.set(indexPosition, accepted.get(index));
		}
		boolean unexpected = error.getErrorType() == ErrorType.INTERNAL_ERROR
				|| error.getErrorType() == graphql.ErrorType.DataFetchingException;
		return GraphqlErrorBuilder.newError()
			.message(unexpected ? "This entity could not be loaded." : error.getMessage())
			.locations(error.getLocations())
			.path(errorPath)
			.errorType(error.getErrorType())
			.extensions(error.getExtensions())
			.build();
	}

	/** The request's environment with only the valid representations as the argument. */
	private static final class NarrowedEnvironment extends DelegatingDataFetchingEnvironment {

		private final Map<String, Object> arguments;

		NarrowedEnvironment(DataFetchingEnvironment environment, List<Map<String, Object>> representations) {
			super(environment);
			Map<String, Object> arguments = new LinkedHashMap<>(environment.getArguments());
			arguments.put(REPRESENTATIONS, representations);
			this.arguments = arguments;
		}

		@Override
		public Map<String, Object> getArguments() {
			return this.arguments;
		}

		@Override
		public boolean containsArgument(String name) {
			return this.arguments.containsKey(name);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getArgument(String name) {
			return (T) this.arguments.get(name);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getArgumentOrDefault(String name, T defaultValue) {
			return (T) this.arguments.getOrDefault(name, defaultValue);
		}

	}

}
