package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Relay cursor paging of {@code sequenceStates} in id order. */
class SequenceStatePagingIntegrationTests extends IntegrationTest {

	// language=GraphQL
	private static final String PAGE = """
			query Page($first: Int, $after: String, $last: Int, $before: String) {
			  sequenceStates(first: $first, after: $after, last: $last, before: $before) {
			    edges { cursor node { id } }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}
			""";

	private World world;

	private List<String> ids;

	@BeforeEach
	void sevenStates() {
		this.world = this.fixtures.world();
		this.ids = this.fixtures.states(this.world, 7).stream().map(String::valueOf).toList();
	}

	@Test
	void returnsFirstPageInIdOrder() {
		GraphQlTester.Response page = page(3, null, null, null);

		page.path("sequenceStates.edges[*].node.id").entityList(String.class).containsExactly(ids(0, 3));
		page.path("sequenceStates.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		page.path("sequenceStates.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void followsEndCursorToEveryRowExactlyOnce() {
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = page(3, after, null, null);
			seen.addAll(page.path("sequenceStates.edges[*].node.id").entityList(String.class).get());
			after = page.path("sequenceStates.pageInfo.endCursor").entity(String.class).get();
			more = page.path("sequenceStates.pageInfo.hasNextPage").entity(Boolean.class).get();
		}
		assertThat(seen).containsExactlyElementsOf(this.ids);
	}

	@Test
	void pagesBackwardFromTheEndWithLast() {
		GraphQlTester.Response page = page(null, null, 3, null);

		page.path("sequenceStates.edges[*].node.id").entityList(String.class).containsExactly(ids(4, 7));
		page.path("sequenceStates.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		page.path("sequenceStates.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void followsStartCursorBackwardToEveryRowExactlyOnce() {
		List<String> seen = new ArrayList<>();
		String before = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = page(null, null, 3, before);
			seen.addAll(0, page.path("sequenceStates.edges[*].node.id").entityList(String.class).get());
			before = page.path("sequenceStates.pageInfo.startCursor").entity(String.class).get();
			more = page.path("sequenceStates.pageInfo.hasPreviousPage").entity(Boolean.class).get();
		}
		assertThat(seen).containsExactlyElementsOf(this.ids);
	}

	@Test
	void edgeCursorResumesAfterThatEdge() {
		String secondCursor = page(3, null, null, null).path("sequenceStates.edges[1].cursor")
			.entity(String.class)
			.get();

		page(2, secondCursor, null, null).path("sequenceStates.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(ids(2, 4));
	}

	@Test
	void returnsFiftyStatesWhenNoSizeIsGiven() {
		this.fixtures.states(this.world, 46);

		GraphQlTester.Response page = this.graphQlTester
			.document("{ sequenceStates { edges { node { id } } pageInfo { hasNextPage } } }")
			.execute();

		page.path("sequenceStates.edges").entityList(Object.class).hasSize(50);
		page.path("sequenceStates.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void returnsNoEdgesForFirstZero() {
		GraphQlTester.Response page = page(0, null, null, null);

		page.path("sequenceStates.edges").entityList(Object.class).hasSize(0);
		page.path("sequenceStates.pageInfo.endCursor").valueIsNull();
	}

	@Test
	void countsEveryStateWhenTotalCountIsSelected() {
		this.graphQlTester.document("{ sequenceStates(first: 2) { totalCount } }")
			.execute()
			.path("sequenceStates.totalCount")
			.entity(Integer.class)
			.isEqualTo(7);
	}

	@Test
	void countsNothingWhenTotalCountIsNotSelected() {
		this.statements.reset();

		this.graphQlTester.document("{ sequenceStates(first: 2) { edges { node { id } } } }").execute();

		assertThat(this.statements.count()).isEqualTo(1);
	}

	@Test
	void rejectsFirstAboveOneThousand() {
		expectBadUserInput(page(1001, null, null, null), "first must be between 0 and 1000");
	}

	@Test
	void rejectsNegativeFirst() {
		expectBadUserInput(page(-1, null, null, null), "first must be between 0 and 1000");
	}

	@Test
	void rejectsNegativeLast() {
		expectBadUserInput(page(null, null, -5, null), "last must be between 0 and 1000");
	}

	@Test
	void rejectsFirstTogetherWithLast() {
		expectBadUserInput(page(2, null, 2, null), "not both");
	}

	@Test
	void rejectsMalformedCursor() {
		expectBadUserInput(page(2, "not a cursor!", null, null), "cursor is malformed");
	}

	@Test
	void rejectsForgedCursor() {
		String cursor = page(1, null, null, null).path("sequenceStates.pageInfo.endCursor").entity(String.class).get();
		// Flip one character of the signed body: a client editing the id inside the
		// cursor.
		char[] forged = cursor.toCharArray();
		int last = forged.length - 1;
		forged[last] = (forged[last] == 'A') ? 'B' : 'A';

		expectBadUserInput(page(2, new String(forged), null, null), "not issued by this gateway");
	}

	@Test
	void runsNoSqlForRefusedArguments() {
		this.statements.reset();

		page(5000, null, null, null);

		assertThat(this.statements.count()).isZero();
	}

	private String[] ids(int from, int to) {
		return this.ids.subList(from, to).toArray(String[]::new);
	}

	private GraphQlTester.Response page(Integer first, String after, Integer last, String before) {
		return this.graphQlTester.document(PAGE)
			.variable("first", first)
			.variable("after", after)
			.variable("last", last)
			.variable("before", before)
			.execute();
	}

	private static void expectBadUserInput(GraphQlTester.Response response, String messagePart) {
		response.errors()
			.expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains(messagePart))
			.verify();
	}

}
