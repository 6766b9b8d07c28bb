package com.acme.gateway.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.ExecutionContext;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;

/**
 * The operations that already passed the depth, cost and alias checks, with the cost
 * computed for them, so that a document sent again is not walked again: each check walks
 * the whole document, which costs a small query more than its SQL does, and frontends
 * send the same few documents over and over (BENCHMARKS.md, "Code shaped by
 * measurements").
 *
 * <p>
 * What the checks can depend on: the document, which operation of it runs, and variables
 * only through {@code @skip}/{@code @include} (whose {@code if} is a {@code Boolean}) and
 * page sizes ({@code first}/{@code last}, an {@code Int}). Validation has already made
 * sure a variable only feeds arguments of its own type, so the values of the variables
 * declared {@code Boolean} or {@code Int} are all a passed check needs to be repeated
 * with; an id, a date or a filter object cannot change its outcome. The one exception is
 * federation's {@code _entities}, whose cost is counted per representation: a
 * {@code [_Any!]!} variable's length is part of the key too. Keyed by the parsed document
 * itself (the parsed-document cache hands out the same instance for the same text), held
 * weakly so documents leave with that cache. Only passes are remembered: a refused
 * operation is checked, and refused, every time.
 */
final class PassedOperations {

	private final Cache<Document, Cache<List<Object>, Integer>> passed = Caffeine.newBuilder().weakKeys().build();

	private final int perDocument;

	/**
	 * @param perDocument how many operation and variable combinations to remember per
	 * document
	 */
	PassedOperations(int perDocument) {
		this.perDocument = perDocument;
	}

	/**
	 * @return the cost of the operation when it passed before with these inputs, else
	 * null
	 */
	Integer costOf(ExecutionContext execution) {
		Cache<List<Object>, Integer> document = this.passed.getIfPresent(execution.getDocument());
		return (document != null) ? document.getIfPresent(key(execution)) : null;
	}

	void add(ExecutionContext execution, int cost) {
		this.passed
			.get(execution.getDocument(), document -> Caffeine.newBuilder().maximumSize(this.perDocument).build())
			.put(key(execution), cost);
	}

	/**
	 * The operation's name, then the name and value of each Boolean and Int variable it
	 * declares.
	 */
	private static List<Object> key(ExecutionContext execution) {
		OperationDefinition operation = execution.getOperationDefinition();
		Map<String, Object> variables = execution.getCoercedVariables().toMap();
		List<Object> key = new ArrayList<>();
		key.add(Objects.toString(operation.getName(), ""));
		for (VariableDefinition variable : operation.getVariableDefinitions()) {
			if (isBooleanOrInt(variable.getType())) {
				key.add(variable.getName());
				key.add(variables.get(variable.getName()));
			}
			else if (isRepresentations(variable.getType())
					&& variables.get(variable.getName()) instanceof List<?> representations) {
				key.add(variable.getName());
				key.add(representations.size());
			}
		}
		return key;
	}

	/**
	 * Federation's {@code [_Any!]!}: the cost of {@code _entities} grows with the number
	 * of representations.
	 */
	private static boolean isRepresentations(Type<?> type) {
		Type<?> list = (type instanceof NonNullType nonNull) ? nonNull.getType() : type;
		if (!(list instanceof ListType listType)) {
			return false;
		}
		Type<?> element = listType.getType();
		Type<?> named = (element instanceof NonNullType nonNull) ? nonNull.getType() : element;
		return named instanceof TypeName name && name.getName().equals("_Any");
	}

	private static boolean isBooleanOrInt(Type<?> type) {
		Type<?> named = (type instanceof NonNullType nonNull) ? nonNull.getType() : type;
		return named instanceof TypeName name && (name.getName().equals("Boolean") || name.getName().equals("Int"));
	}

}
