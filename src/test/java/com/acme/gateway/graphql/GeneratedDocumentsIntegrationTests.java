package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import com.acme.gateway.support.IntegrationTest;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Issue 27: a few thousand documents built at random from the schema itself, valid and
 * broken (unknown fields, wrong argument types, wrong variables, fragments, directives,
 * aliases, nesting, cut-off text), are each answered without a 5xx, without
 * {@code INTERNAL} and without a stack trace, SQL or class name, and the gateway still
 * answers afterwards.
 * <p>
 * The seed is printed; {@code -Dgateway.generated-documents.seed=N} replays a run.
 */
class GeneratedDocumentsIntegrationTests extends IntegrationTest {

	private static final int DOCUMENTS = 2000;

	private static final List<String> LEAKS = List.of("Exception", "\tat ", "select ", "sequence_state", "app_user",
			"jooq", "Value{");

	private static final Pattern PACKAGE = Pattern.compile("\\b(java|javax|jakarta|org|com|graphql|tools)\\.[a-z]");

	@Autowired
	private GraphQlSource graphQlSource;

	/**
	 * A generated document may ask for up to the cost limit's worth of objects (a
	 * thousand groups, a prospect's thousand states), several MB of JSON: more than the
	 * test client's 256 KB default.
	 */
	@BeforeEach
	void acceptLargeAnswers() {
		this.webTestClient = this.webTestClient.mutate()
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
	}

	@Test
	void answersGeneratedDocumentsCleanly() {
		long seed = Long.getLong("gateway.generated-documents.seed", System.nanoTime());
		System.out.println("GeneratedDocumentsIntegrationTests seed=" + seed
				+ " (replay with -Dgateway.generated-documents.seed=" + seed + ")");
		DocumentGenerator generator = new DocumentGenerator(this.graphQlSource.schema(), new Random(seed));

		Map<String, Integer> outcomes = new java.util.TreeMap<>();
		for (int i = 0; i < DOCUMENTS; i++) {
			Map<String, Object> request = generator.request();
			String context = "seed " + seed + ", document " + i + ": " + request;
			Map<?, ?> response = postAsAdmin(request).expectStatus()
				.value(status -> assertThat(status).as(context).isLessThan(500))
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			assertClean(context, response);
			outcomes.merge(outcome(response), 1, Integer::sum);
		}
		System.out.println("GeneratedDocumentsIntegrationTests outcomes (first error code): " + outcomes);
		// Both halves of the sweep ran: documents that executed cleanly and documents
		// refused.
		assertThat(outcomes.get("no errors")).as("valid documents").isGreaterThan(DOCUMENTS / 20);
		assertThat(outcomes.get("BAD_USER_INPUT")).as("refused documents").isGreaterThan(DOCUMENTS / 20);
		this.graphQlTester.document("{ __typename }")
			.execute()
			.path("__typename")
			.entity(String.class)
			.isEqualTo("Query");
	}

	private static String outcome(Map<?, ?> response) {
		List<?> errors = (List<?>) response.get("errors");
		if (errors == null || errors.isEmpty()) {
			return "no errors";
		}
		return String.valueOf(((Map<?, ?>) ((Map<?, ?>) errors.get(0)).get("extensions")).get("code"));
	}

	private static void assertClean(String context, Map<?, ?> response) {
		assertThat(response).as(context).isNotNull();
		Object errors = response.get("errors");
		if (errors == null) {
			return;
		}
		for (Object error : (List<?>) errors) {
			Map<?, ?> fields = (Map<?, ?>) error;
			Object code = ((Map<?, ?>) fields.get("extensions")).get("code");
			assertThat(code).as(context + " → " + error).isNotNull().isNotEqualTo("INTERNAL");
			String text = String.valueOf(fields.get("message")) + " " + fields.get("extensions");
			for (String leak : LEAKS) {
				assertThat(text).as(context).doesNotContain(leak);
			}
			assertThat(text).as(context).doesNotContainPattern(PACKAGE);
		}
	}

	/**
	 * Builds one request at a time: a document, and sometimes variables that may not fit
	 * it.
	 */
	private static final class DocumentGenerator {

		private final GraphQLSchema schema;

		private final Random random;

		/**
		 * Half the requests are built to be valid; only the other half take the broken
		 * branches.
		 */
		private boolean broken;

		DocumentGenerator(GraphQLSchema schema, Random random) {
			this.schema = schema;
			this.random = random;
		}

		Map<String, Object> request() {
			this.broken = chance(50);
			boolean mutation = this.schema.getMutationType() != null && chance(25);
			GraphQLObjectType root = mutation ? this.schema.getMutationType() : this.schema.getQueryType();
			List<String> variableDefinitions = new ArrayList<>();
			Map<String, Object> variables = new java.util.LinkedHashMap<>();
			String selection = selectionSet(root, 0, variableDefinitions, variables);
			String operation = (mutation ? "mutation" : "query")
					+ (variableDefinitions.isEmpty() ? "" : "(" + String.join(", ", variableDefinitions) + ")");
			String document = operation + " " + selection;
			if (breakage(10)) {
				document = document.substring(0, this.random.nextInt(document.length()));
			}
			else if (breakage(5)) {
				document = document + " fragment F on " + pick(List.of("Query", "SequenceState", "NoSuchType"))
						+ " { __typename }";
			}
			Map<String, Object> request = new java.util.LinkedHashMap<>();
			request.put("query", document);
			if (!variables.isEmpty() || chance(5)) {
				request.put("variables", breakage(10) ? Map.of("undeclared", 1) : variables);
			}
			return request;
		}

		private String selectionSet(GraphQLFieldsContainer type, int depth, List<String> variableDefinitions,
				Map<String, Object> variables) {
			List<GraphQLFieldDefinition> fields = type.getFieldDefinitions();
			StringBuilder selection = new StringBuilder("{ ");
			int count = 1 + this.random.nextInt(3);
			for (int i = 0; i < count; i++) {
				if (breakage(5)) {
					selection.append("noSuchField").append(i).append(' ');
					continue;
				}
				GraphQLFieldDefinition field = pick(fields);
				// Two selections of one field with other arguments conflict: the valid
				// half aliases each.
				if (!this.broken || chance(15)) {
					selection.append("a").append(i).append(": ");
				}
				selection.append(field.getName());
				selection.append(arguments(field, variableDefinitions, variables));
				if (chance(8)) {
					selection.append(chance(50) ? " @include(if: " : " @skip(if: ")
						.append(this.broken ? pick(List.of("true", "false", "1", "\"yes\""))
								: pick(List.of("true", "false")))
						.append(')');
				}
				GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(field.getType());
				if (fieldType instanceof GraphQLFieldsContainer container) {
					if (depth >= 4 || chance(3)) {
						selection.append(breakage(50) ? " " : " { __typename } ");
					}
					else if (chance(10) && fieldType instanceof GraphQLObjectType object) {
						selection.append(" { ... on ")
							.append(object.getName())
							.append(' ')
							.append(selectionSet(container, depth + 1, variableDefinitions, variables))
							.append(" } ");
					}
					else {
						selection.append(' ')
							.append(selectionSet(container, depth + 1, variableDefinitions, variables));
					}
				}
				else if (breakage(5)) {
					selection.append(" { id }");
				}
				selection.append(' ');
			}
			return selection.append('}').toString();
		}

		private String arguments(GraphQLFieldDefinition field, List<String> variableDefinitions,
				Map<String, Object> variables) {
			List<String> arguments = new ArrayList<>();
			for (GraphQLArgument argument : field.getArguments()) {
				boolean required = GraphQLTypeUtil.isNonNull(argument.getType());
				if (!required && chance(50)) {
					continue;
				}
				if (required && breakage(3)) {
					continue;
				}
				if (chance(15)) {
					String name = "v" + variableDefinitions.size();
					variableDefinitions.add("$" + name + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
					variables.put(name, jsonValue(argument.getType(), 0));
					arguments.add(argument.getName() + ": $" + name);
				}
				else {
					arguments.add(argument.getName() + ": " + literal(argument.getType(), 0));
				}
			}
			if (breakage(3)) {
				arguments.add("noSuchArgument: 1");
			}
			return arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
		}

		private String literal(GraphQLInputType type, int depth) {
			if (breakage(5)) {
				return pick(List.of("null", "1", "\"text\"", "[1, 2]", "{a: 1}", "true", "99999999999999999999", "1.5",
						"ACTIVE", "$undefined"));
			}
			if (type instanceof GraphQLNonNull nonNull) {
				return literal((GraphQLInputType) nonNull.getWrappedType(), depth);
			}
			if (type instanceof GraphQLList list) {
				return "[" + literal((GraphQLInputType) list.getWrappedType(), depth + 1) + "]";
			}
			if (type instanceof GraphQLEnumType enumType) {
				return pick(enumType.getValues()).getName();
			}
			if (type instanceof GraphQLInputObjectType inputObject) {
				if (depth > 3) {
					return "{}";
				}
				List<String> fields = new ArrayList<>();
				for (GraphQLInputObjectField field : inputObject.getFieldDefinitions()) {
					if (chance(30)) {
						fields.add(field.getName() + ": " + literal(field.getType(), depth + 1));
					}
				}
				return "{" + String.join(", ", fields) + "}";
			}
			return scalarLiteral(((GraphQLNamedType) type).getName());
		}

		private String scalarLiteral(String scalar) {
			if (!this.broken) {
				return switch (scalar) {
					case "Int" -> Integer.toString(1 + this.random.nextInt(20));
					case "Float" -> "1.5";
					case "Boolean" -> Boolean.toString(this.random.nextBoolean());
					case "ID" -> "\"" + (1 + this.random.nextInt(3)) + "\"";
					case "DateTime" -> "\"2026-01-01T00:00:00Z\"";
					default -> "\"a\"";
				};
			}
			return switch (scalar) {
				case "Int" -> Integer.toString(this.random.nextInt(2000) - 100);
				case "Float" -> Double.toString(this.random.nextDouble() * 100);
				case "Boolean" -> Boolean.toString(this.random.nextBoolean());
				case "ID" -> "\"" + pick(List.of("1", "42", "0", "-1", "abc", "", "9999999999999999999")) + "\"";
				case "DateTime" -> "\"" + pick(List.of("2026-01-01T00:00:00Z", "2026-13-01", "yesterday")) + "\"";
				default -> "\"" + pick(List.of("a", "", "x".repeat(300), "\\u0000", "é")) + "\"";
			};
		}

		private Object jsonValue(GraphQLInputType type, int depth) {
			if (breakage(10)) {
				return pick(List.of("text", 1, 2.5, true, List.of(1), Map.of("a", 1), ""));
			}
			if (type instanceof GraphQLNonNull nonNull) {
				return jsonValue((GraphQLInputType) nonNull.getWrappedType(), depth);
			}
			if (type instanceof GraphQLList list) {
				return List.of(jsonValue((GraphQLInputType) list.getWrappedType(), depth + 1));
			}
			if (type instanceof GraphQLEnumType enumType) {
				return pick(enumType.getValues()).getName();
			}
			if (type instanceof GraphQLInputObjectType inputObject) {
				Map<String, Object> value = new java.util.LinkedHashMap<>();
				if (depth <= 3) {
					for (GraphQLInputObjectField field : inputObject.getFieldDefinitions()) {
						if (chance(30)) {
							value.put(field.getName(), jsonValue(field.getType(), depth + 1));
						}
					}
				}
				return value;
			}
			String literal = scalarLiteral(((GraphQLScalarType) type).getName());
			return literal.startsWith("\"") ? literal.substring(1, literal.length() - 1) : literal;
		}

		/** A chance taken only when building a broken request. */
		private boolean breakage(int percent) {
			return this.broken && chance(percent);
		}

		private boolean chance(int percent) {
			return this.random.nextInt(100) < percent;
		}

		private <T> T pick(List<T> options) {
			return options.get(this.random.nextInt(options.size()));
		}

	}

}
