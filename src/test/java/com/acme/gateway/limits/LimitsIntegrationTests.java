package com.acme.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Cost, alias and document-size limits at their defaults, each just under and just over,
 * each refused before any SQL. Depth and the statement timeout, which need smaller
 * settings, are in {@link TightLimitsIntegrationTests}.
 */
class LimitsIntegrationTests extends IntegrationTest {

	@Test
	void theLimitsAreGraphQlJavasOnlyInstrumentation(@Autowired GraphQlSource source) {
		// A chain of instrumentations would run for every field of every response.
		assertThat(source.graphQl().getInstrumentation()).isInstanceOf(OperationLimits.class);
	}

	@Test
	void acceptsGraphiQlExampleQuery() throws IOException {
		String example = Files.readString(Path.of("graphiql/examples/FirstPageOfSequenceStates.graphql"));

		this.graphQlTester.document(example).execute().errors().verify();
	}

	@Test
	void acceptsPageOfStatesWithMailingsJustUnderCostLimit() {
		// 1 + 909 × (1 edge + 1 node + 20 assumed mailings) = 19,999 ≤ 20,000
		this.graphQlTester.document("{ sequenceStates(first: 909) { edges { node { mailings { id } } } } }")
			.execute()
			.errors()
			.verify();
	}

	@Test
	void refusesPageOfStatesWithMailingsJustOverCostLimit() {
		// 1 + 910 × 22 = 20,021 > 20,000
		expectLimitExceeded("{ sequenceStates(first: 910) { edges { node { mailings { id } } } } }",
				"query cost 20021 exceeds the limit of 20000 (gateway.limits.max-cost)");
	}

	@Test
	void refusesThousandStatesWithTheirMailings() {
		expectLimitExceeded("{ sequenceStates(first: 1000) { edges { node { mailings { id } } } } }",
				"gateway.limits.max-cost");
	}

	@Test
	void costFollowsPageSizeFromVariables() {
		this.statements.reset();
		this.graphQlTester
			.document("query($size: Int) { sequenceStates(first: $size) { edges { node { mailings { id } } } } }")
			.variable("size", 1000)
			.execute()
			.errors()
			.expect(error -> "LIMIT_EXCEEDED".equals(error.getExtensions().get("code")))
			.verify();
		assertThat(this.statements.count()).isZero();
	}

	/**
	 * A document that passed is not checked again (see {@code PassedOperations}), but
	 * only for the same page sizes: the same text with a larger {@code $size} is checked,
	 * and refused.
	 */
	@Test
	void aDocumentThatPassedIsCheckedAgainForAnotherPageSize() {
		String document = "query($size: Int, $id: ID) { sequenceStates(first: $size, filter: { id: { gt: $id } }) { edges { node { mailings { id } } } } }";
		for (int size : new int[] { 10, 10, 1000, 10, 1000 }) {
			GraphQlTester.Response response = this.graphQlTester.document(document)
				.variable("size", size)
				.variable("id", String.valueOf(size))
				.execute();
			if (size == 1000) {
				response.errors().expect(error -> "LIMIT_EXCEEDED".equals(error.getExtensions().get("code"))).verify();
			}
			else {
				response.errors().verify();
			}
		}
	}

	@Test
	void acceptsThirtyAliases() {
		this.graphQlTester.document(aliases(30)).execute().errors().verify();
	}

	@Test
	void refusesThirtyOneAliases() {
		expectLimitExceeded(aliases(31), "31 aliased fields, more than the limit of 30 (gateway.limits.max-aliases)");
	}

	@Test
	void acceptsDocumentOfExactly32Kilobytes() {
		this.graphQlTester.document(documentOfBytes(32 * 1024)).execute().errors().verify();
	}

	@Test
	void refusesDocumentOneByteOver32Kilobytes() {
		expectLimitExceeded(documentOfBytes(32 * 1024 + 1),
				"larger than the limit of 32768 bytes (gateway.limits.max-document-size)");
	}

	/**
	 * {@code sequenceState} of a missing id answers null, so only the aliases matter
	 * here.
	 */
	private static String aliases(int count) {
		StringBuilder document = new StringBuilder("{ sequenceState(id: \"1\") {");
		for (int i = 1; i <= count; i++) {
			document.append(" a").append(i).append(": id");
		}
		return document.append(" } }").toString();
	}

	/** A small query padded with a comment to exactly {@code bytes} bytes. */
	private static String documentOfBytes(int bytes) {
		String query = "{ sequenceStates(first: 1) { totalCount } }\n#";
		return query + "x".repeat(bytes - query.length());
	}

	private void expectLimitExceeded(String document, String messagePart) {
		this.statements.reset();
		GraphQlTester.Response response = this.graphQlTester.document(document).execute();

		response.errors()
			.expect(error -> "LIMIT_EXCEEDED".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains(messagePart))
			.verify();
		assertThat(this.statements.count()).as("statements run before the refusal").isZero();
	}

}
