package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.ResponseError;

/**
 * A sweep of broken requests: each comes back as errors with an {@code extensions.code}
 * and a message free of stack traces, class names and SQL, and the gateway answers
 * normally afterwards.
 */
class MalformedRequestIntegrationTests extends IntegrationTest {

	/**
	 * Signs of internals leaking: exception names, stack frames, SQL, table names, AST
	 * classes.
	 */
	private static final List<String> LEAKS = List.of("Exception", "\tat ", "jooq", "select ", "sequence_state",
			"app_user", "IntValue", "FloatValue", "Value{");

	/**
	 * A qualified Java name such as {@code org.jooq.exception} or
	 * {@code graphql.execution}.
	 */
	private static final Pattern PACKAGE = Pattern.compile("\\b(java|javax|jakarta|org|com|graphql|tools)\\.[a-z]");

	static List<String> documents() {
		return List.of("{ sequenceStates(first: 1) { totalCount }", "{ sequenceState(id: \"1) { id } }",
				"{ sequenceStates(first: 99999999999999999999) { totalCount } }",
				"{ sequenceStates(first: 1.5) { totalCount } }",
				"{ sequenceStates(first: {a: [1, \"x\"]}) { totalCount } }",
				"{ sequenceStates(first: 1) { noSuchField } }", "{ noSuchQuery }", "mutation { noSuchMutation }", "",
				"{ sequenceState(id: \"not-a-number\") { id } }", "{".repeat(5000),
				"{ sequenceStates(first: 1) { totalCount } }\n#" + "x".repeat(512 * 1024));
	}

	@ParameterizedTest
	@MethodSource("documents")
	void answersBrokenDocumentWithCleanErrors(String document) {
		List<ResponseError> errors = this.graphQlTester.document(document).execute().returnResponse().getErrors();

		assertClean(errors);
		assertStillAnswering();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"many\"", "99999999999999999999", "1.5", "{\"a\": 1}", "[1]" })
	void answersWrongVariableTypeWithCleanErrors(String value) {
		String body = "{\"query\":\"query($first: Int!) { sequenceStates(first: $first) { totalCount } }\","
				+ "\"variables\":{\"first\":" + value + "}}";
		Map<?, ?> response = post(body);

		assertThat(response.get("data")).isNull();
		assertCleanJson(response);
		assertStillAnswering();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json at all", "{\"query\": 42}", "{\"variables\": {}}", "[]",
			"{\"query\":\"{ __typename }\"" })
	void answersBrokenHttpBodyWithCleanErrors(String body) {
		assertCleanJson(post(body));
		assertStillAnswering();
	}

	private Map<?, ?> post(String body) {
		return postAsAdmin(body).expectBody(Map.class).returnResult().getResponseBody();
	}

	private static void assertCleanJson(Map<?, ?> response) {
		for (Object error : (List<?>) response.get("errors")) {
			Map<?, ?> fields = (Map<?, ?>) error;
			Object code = ((Map<?, ?>) fields.get("extensions")).get("code");
			assertThat(code).as("extensions.code of %s", error).isNotNull();
			assertNoLeak(String.valueOf(fields));
		}
	}

	private static void assertClean(List<ResponseError> errors) {
		assertThat(errors).isNotEmpty();
		for (ResponseError error : errors) {
			Object code = error.getExtensions().get("code");
			assertThat(code).as("extensions.code of %s", error).isNotNull();
			assertNoLeak(error.getMessage() + " " + error.getExtensions());
		}
	}

	private static void assertNoLeak(String text) {
		for (String leak : LEAKS) {
			assertThat(text).as("error text").doesNotContain(leak);
		}
		assertThat(text).as("error text").doesNotContainPattern(PACKAGE);
	}

	private void assertStillAnswering() {
		this.graphQlTester.document("{ __typename }")
			.execute()
			.path("__typename")
			.entity(String.class)
			.isEqualTo("Query");
	}

}
