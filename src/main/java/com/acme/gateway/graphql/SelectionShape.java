package com.acme.gateway.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import graphql.language.Field;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;

/**
 * A key for what is derived from a field's selection (a completion plan, the links a
 * query joins), valid across requests. Parsed documents are cached
 * ({@code ParsedDocumentCacheConfiguration}), so every request with the same text brings
 * the same syntax nodes, which compare by identity. What else can change a selection is
 * the variables, through the {@code if} of {@code @skip}, {@code @include} and
 * {@code @defer}: a {@code Boolean}, which validation allows to come only from a variable
 * declared {@code Boolean}. So the key holds the values of those variables (as
 * {@code limits/PassedOperations} does for its checks), and an id, a date or a filter
 * object never splits it.
 *
 * <p>
 * Why: deriving these again for every request repeats the same walk of the same document
 * (BENCHMARKS.md, "Code shaped by measurements").
 *
 * @param nodes the field's syntax nodes (every alias merged into it), by identity
 * @param booleans the name and value of each {@code Boolean} variable the operation
 * declares
 * @param detail whatever else the derived value depends on (a type, a path)
 */
public record SelectionShape(List<Field> nodes, List<Object> booleans, Object detail) {

	public static SelectionShape of(OperationDefinition operation, List<Field> nodes, Map<String, Object> variables,
			Object detail) {
		List<Object> booleans = null;
		for (VariableDefinition variable : operation.getVariableDefinitions()) {
			if (isBoolean(variable.getType())) {
				booleans = (booleans != null) ? booleans : new ArrayList<>(2);
				booleans.add(variable.getName());
				booleans.add(variables.get(variable.getName()));
			}
		}
		return new SelectionShape(nodes, (booleans != null) ? Collections.unmodifiableList(booleans) : List.of(),
				detail);
	}

	private static boolean isBoolean(Type<?> type) {
		Type<?> named = (type instanceof NonNullType nonNull) ? nonNull.getType() : type;
		return named instanceof TypeName name && name.getName().equals("Boolean");
	}

}
