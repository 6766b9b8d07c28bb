package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.test.context.TestPropertySource;

/**
 * Issue 27: each check graphql-java (and Jackson under it) makes on its own refuses with
 * a client code, never {@code INTERNAL}, and names no class. The gateway's own size
 * limits are raised here so the parser's limits are the ones reached.
 */
@TestPropertySource(properties = { "gateway.limits.max-document-size=4MB", "gateway.http.max-request-size=4MB" })
class GraphQlJavaLimitsIntegrationTests extends IntegrationTest {

	private static final List<String> LEAKS = List.of("Exception", "\tat ", "Error{", "Syntax{");

	/** A qualified Java name such as {@code graphql.parser} or {@code tools.jackson}. */
	private static final Pattern PACKAGE = Pattern.compile("\\b(java|javax|jakarta|org|com|graphql|tools)\\.[a-z]");

	static Stream<Arguments> refusals() {
		return Stream.of(
				Arguments.of("good-faith introspection: __schema 25 times",
						query("{ " + repeat(25, i -> "s" + i + ": __schema { types { fields { name } } }") + " }"),
						"LIMIT_EXCEEDED"),
				Arguments.of("good-faith introspection: too many introspection fields", query(
						"{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } }"
								+ " t: __type(name: \"Query\") { fields { type { fields { type { fields { name } } } } } } }"),
						"LIMIT_EXCEEDED"),
				Arguments.of("parser max tokens (15,000)", query("{ " + "__typename ".repeat(16_000) + "}"),
						"LIMIT_EXCEEDED"),
				Arguments.of("parser max whitespace tokens (200,000)",
						query("{ __typename " + ",".repeat(200_001) + " }"), "LIMIT_EXCEEDED"),
				Arguments.of("parser max characters (1 MB)", query("{ __typename }\n#" + "x".repeat(1024 * 1024 + 1)),
						"LIMIT_EXCEEDED"),
				Arguments.of("parser max rule depth (500)", query("{" + " a {".repeat(300) + " b " + "}".repeat(301)),
						"LIMIT_EXCEEDED"),
				Arguments.of("a plain syntax error stays BAD_USER_INPUT", query("{ __typename "), "BAD_USER_INPUT"),
				Arguments.of("validation stops after 100 errors", query("{ " + repeat(150, i -> "unknown" + i) + " }"),
						"BAD_USER_INPUT"),
				Arguments.of("JSON nesting deeper than Jackson reads",
						"{\"query\":\"{ __typename }\",\"variables\":{\"deep\":" + "[".repeat(5000) + "]".repeat(5000)
								+ "}}",
						"BAD_USER_INPUT"),
				Arguments.of("JSON number longer than Jackson reads",
						"{\"query\":\"query($n: Int) { __typename }\",\"variables\":{\"n\":1" + "0".repeat(5000) + "}}",
						"BAD_USER_INPUT"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void refusesWithClientCode(String check, String body, String expectedCode) {
		Map<?, ?> response = postAsAdmin(body).expectBody(Map.class).returnResult().getResponseBody();

		List<?> errors = (List<?>) response.get("errors");
		assertThat(errors).as(check).isNotEmpty();
		for (Object error : errors) {
			Map<?, ?> fields = (Map<?, ?>) error;
			assertThat(((Map<?, ?>) fields.get("extensions")).get("code")).as("code of %s", fields)
				.isEqualTo(expectedCode);
			for (String leak : LEAKS) {
				assertThat(String.valueOf(fields)).as(check).doesNotContain(leak);
			}
			assertThat(String.valueOf(fields)).as(check).doesNotContainPattern(PACKAGE);
		}
		this.graphQlTester.document("{ __typename }")
			.execute()
			.path("__typename")
			.entity(String.class)
			.isEqualTo("Query");
	}

	private static String query(String document) {
		return "{\"query\":\"" + document.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
	}

	private static String repeat(int count, java.util.function.IntFunction<String> part) {
		return IntStream.range(0, count).mapToObj(part).collect(Collectors.joining(" "));
	}

}
