package com.acme.gateway.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The fields selected below the current field, with fragments, aliases and
 * {@code @skip}/{@code @include} applied: what a resolver needs to decide what to read.
 *
 * <p>
 * {@code DataFetchingFieldSelectionSet} answers the same, but on first use it normalizes
 * the whole operation and compiles a glob per lookup, which a one-state query feels
 * (BENCHMARKS.md, "Code shaped by measurements"). This collects only the few selection
 * sets on the path, with graphql-java's own field collector (the one its execution uses,
 * so the answer is the same).
 */
public final class SelectedFields {

	private static final FieldCollector COLLECTOR = new FieldCollector();

	private SelectedFields() {
	}

	/**
	 * The fields selected at {@code path} below the current field, by name, each with the
	 * names selected below it when its type is an object type (empty for any other type:
	 * a scalar, an enum, and also an interface or union, whose selection depends on the
	 * object): no path for the current field's own selection, {@code "edges", "node"} for
	 * the nodes of a connection. Every alias of a step is followed, and the selections of
	 * a name's aliases are merged. Each step must name a field whose type (lists and
	 * non-null unwrapped) is an object type; an empty map when the path is not selected.
	 */
	public static Map<String, Set<String>> selectionsAt(DataFetchingEnvironment environment, String... path) {
		List<MergedField> fields = List.of(environment.getMergedField());
		GraphQLObjectType type = objectType(environment.getFieldType());
		for (String step : path) {
			List<MergedField> next = new ArrayList<>(1);
			for (MergedField field : fields) {
				collect(environment, type, field).getSubFieldsList()
					.stream()
					.filter(child -> child.getName().equals(step))
					.forEach(next::add);
			}
			GraphQLFieldDefinition definition = type.getFieldDefinition(step);
			if (next.isEmpty() || definition == null) {
				return Map.of();
			}
			fields = next;
			type = objectType(definition.getType());
		}
		Map<String, Set<String>> selections = new HashMap<>();
		for (MergedField field : fields) {
			for (MergedField child : collect(environment, type, field).getSubFieldsList()) {
				Set<String> below = selections.computeIfAbsent(child.getName(), name -> new HashSet<>());
				GraphQLFieldDefinition definition = type.getFieldDefinition(child.getName());
				if (definition != null
						&& GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLObjectType childType) {
					collect(environment, childType, child).getSubFieldsList()
						.forEach(grandChild -> below.add(grandChild.getName()));
				}
			}
		}
		return selections;
	}

	private static MergedSelectionSet collect(DataFetchingEnvironment environment, GraphQLObjectType type,
			MergedField field) {
		FieldCollectorParameters parameters = FieldCollectorParameters.newParameters()
			.schema(environment.getGraphQLSchema())
			.objectType(type)
			.fragments(environment.getFragmentsByName())
			.variables(environment.getVariables())
			.graphQLContext(environment.getGraphQlContext())
			.build();
		return COLLECTOR.collectFields(parameters, field);
	}

	private static GraphQLObjectType objectType(GraphQLType type) {
		if (GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType object) {
			return object;
		}
		throw new IllegalArgumentException("not an object type: " + GraphQLTypeUtil.simplePrint(type));
	}

}
