package com.acme.gateway.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import graphql.Scalars;
import graphql.execution.ExecutionContext;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.introspection.Introspection;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.LightDataFetcher;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;

/**
 * Compiles the selection on an object type into a {@link CompletionPlan}, or finds that
 * it cannot be completed directly. A selection can when every field in it, to any depth,
 * is {@code __typename} or has a value readable without a {@code DataFetchingEnvironment}
 * (a graphql-java {@link LightDataFetcher}, such as the default property fetcher, or a
 * registered {@link DirectFieldReader}), and every type in it is a scalar, an enum, an
 * object type or a list of those. Anything else (a field with its own resolver, an
 * interface) is left to graphql-java, which runs it in the usual way.
 */
final class CompletionPlanner {

	/**
	 * Given to light data fetchers: one that wants an environment is not light enough
	 * here.
	 */
	private static final Supplier<DataFetchingEnvironment> NO_ENVIRONMENT = () -> {
		throw NotDirect.INSTANCE;
	};

	private final FieldCollector fieldCollector;

	private final Map<FieldCoordinates, DirectFieldReader> readers;

	/**
	 * Readers of fields served by graphql-java's property fetchers, made once per field
	 * and shared by every request's plans, so that what they learn about source classes
	 * lasts.
	 */
	private final Map<FieldCoordinates, DirectFieldReader> propertyReaders = new ConcurrentHashMap<>();

	CompletionPlanner(FieldCollector fieldCollector, Map<FieldCoordinates, DirectFieldReader> readers) {
		this.fieldCollector = fieldCollector;
		this.readers = Map.copyOf(readers);
	}

	/**
	 * The plan for {@code selection} on {@code type}, or null when some field in it needs
	 * graphql-java.
	 */
	CompletionPlan plan(ExecutionContext execution, GraphQLObjectType type, MergedSelectionSet selection) {
		List<String> keys = new ArrayList<>(selection.size());
		List<CompletionPlan.Field> fields = new ArrayList<>(selection.size());
		for (Map.Entry<String, MergedField> entry : selection.getSubFields().entrySet()) {
			MergedField field = entry.getValue();
			CompletionPlan.Field planned = planField(execution, type, field);
			if (planned == null) {
				return null;
			}
			keys.add(entry.getKey());
			fields.add(planned);
		}
		return new CompletionPlan(keys, fields);
	}

	private CompletionPlan.Field planField(ExecutionContext execution, GraphQLObjectType type, MergedField field) {
		if (field.isDeferred()) {
			return null;
		}
		String name = field.getName();
		if (Introspection.TypeNameMetaFieldDef.getName().equals(name)) {
			String typeName = type.getName();
			return new CompletionPlan.Field((source, localContext) -> typeName,
					new ValueCompleter.Nullable(new ValueCompleter.Scalar(Scalars.GraphQLString), true));
		}
		GraphQLFieldDefinition definition = type.getFieldDefinition(name);
		if (definition == null) {
			return null;
		}
		DirectFieldReader reader = reader(execution, type, definition);
		if (reader == null) {
			return null;
		}
		ValueCompleter completer = completer(execution, definition.getType(), field);
		return (completer != null) ? new CompletionPlan.Field(reader, completer) : null;
	}

	private DirectFieldReader reader(ExecutionContext execution, GraphQLObjectType type,
			GraphQLFieldDefinition definition) {
		FieldCoordinates coordinates = FieldCoordinates.coordinates(type, definition);
		DirectFieldReader registered = this.readers.get(coordinates);
		if (registered != null) {
			return registered;
		}
		DataFetcher<?> fetcher = execution.getGraphQLSchema().getCodeRegistry().getDataFetcher(type, definition);
		if (!(fetcher instanceof LightDataFetcher<?> light)) {
			return null;
		}
		String property = (fetcher instanceof SingletonPropertyDataFetcher<?>) ? definition.getName()
				: (fetcher instanceof PropertyDataFetcher<?> named) ? named.getPropertyName() : null;
		if (property != null) {
			return this.propertyReaders.computeIfAbsent(coordinates,
					key -> new RecordComponentReader(property, fetching(definition, light)));
		}
		return fetching(definition, light);
	}

	/** Reads the field through its light data fetcher, without an environment. */
	static DirectFieldReader fetching(GraphQLFieldDefinition definition, LightDataFetcher<?> fetcher) {
		return (source, localContext) -> {
			try {
				return fetcher.get(definition, source, NO_ENVIRONMENT);
			}
			catch (Exception ex) {
				// Including NotDirect from NO_ENVIRONMENT; graphql-java's path reports
				// real failures.
				throw NotDirect.INSTANCE;
			}
		};
	}

	private ValueCompleter completer(ExecutionContext execution, GraphQLOutputType fieldType, MergedField field) {
		boolean nonNull = fieldType instanceof GraphQLNonNull;
		GraphQLType type = nonNull ? ((GraphQLNonNull) fieldType).getWrappedType() : fieldType;
		ValueCompleter inner;
		if (type instanceof GraphQLList list) {
			ValueCompleter item = completer(execution, (GraphQLOutputType) list.getWrappedType(), field);
			inner = (item != null) ? new ValueCompleter.ListOf(item) : null;
		}
		else if (type instanceof GraphQLScalarType scalar) {
			inner = new ValueCompleter.Scalar(scalar);
		}
		else if (type instanceof GraphQLEnumType enumType) {
			inner = new ValueCompleter.Enum(enumType);
		}
		else if (type instanceof GraphQLObjectType object) {
			CompletionPlan plan = plan(execution, object, subSelection(execution, object, field));
			inner = (plan != null) ? new ValueCompleter.ObjectValue(plan) : null;
		}
		else {
			// Interfaces and unions resolve their type per value: graphql-java's job.
			inner = null;
		}
		return (inner != null) ? new ValueCompleter.Nullable(inner, nonNull) : null;
	}

	/**
	 * The fields selected on {@code type} under {@code field}, fragments and directives
	 * applied.
	 */
	private MergedSelectionSet subSelection(ExecutionContext execution, GraphQLObjectType type, MergedField field) {
		FieldCollectorParameters parameters = FieldCollectorParameters.newParameters()
			.schema(execution.getGraphQLSchema())
			.objectType(type)
			.fragments(execution.getFragmentsByName())
			.variables(execution.getCoercedVariables().toMap())
			.graphQLContext(execution.getGraphQLContext())
			.build();
		return this.fieldCollector.collectFields(parameters, field, false);
	}

}
