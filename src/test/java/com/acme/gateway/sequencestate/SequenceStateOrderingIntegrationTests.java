package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code orderBy} with many ties and NULLs, read in one page and paged forward and
 * backward across page boundaries. Twelve states; state N has id N:
 *
 * <pre>
 * id          1  2  3  4  5  6  7  8  9  10 11 12
 * bounceCount 2  0  2  1  0  2  1  0  2  1  0  2
 * activeAt    d3 -  d1 -  d3 d2 -  -  -  -  -  -    (dN: day N of January 2024, -: null)
 * </pre>
 */
class SequenceStateOrderingIntegrationTests extends IntegrationTest {

	private static final int[] BOUNCES = { 2, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2 };

	private static final Integer[] ACTIVE_DAYS = { 3, null, 1, null, 3, 2, null, null, null, null, null, null };

	// language=GraphQL
	private static final String PAGE = """
			query Page($orderBy: [SequenceStateOrder!], $first: Int, $after: String, $last: Int, $before: String) {
			  sequenceStates(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
			    edges { node { id } }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}
			""";

	@BeforeEach
	void twelveStates() {
		World world = this.fixtures.world();
		for (int i = 0; i < BOUNCES.length; i++) {
			int index = i;
			long prospect = this.fixtures.prospect(world.account(), "P", "No" + i);
			this.fixtures.state(prospect, world.sequence(), row -> {
				row.setBounceCount(BOUNCES[index]);
				row.setActiveAt((ACTIVE_DAYS[index] != null)
						? OffsetDateTime.parse("2024-01-01T00:00:00Z").plusDays(ACTIVE_DAYS[index] - 1) : null);
			});
		}
	}

	static Stream<Arguments> orderings() {
		return Stream.of(
				ordering("BOUNCE_COUNT ASC", List.of(key("BOUNCE_COUNT", "ASC")), 2, 5, 8, 11, 4, 7, 10, 1, 3, 6, 9,
						12),
				ordering("BOUNCE_COUNT DESC", List.of(key("BOUNCE_COUNT", "DESC")), 12, 9, 6, 3, 1, 10, 7, 4, 11, 8, 5,
						2),
				ordering("ACTIVE_AT ASC, nulls last", List.of(key("ACTIVE_AT", "ASC")), 3, 6, 1, 5, 2, 4, 7, 8, 9, 10,
						11, 12),
				ordering("ACTIVE_AT DESC, nulls first", List.of(key("ACTIVE_AT", "DESC")), 12, 11, 10, 9, 8, 7, 4, 2, 5,
						1, 6, 3),
				ordering("BOUNCE_COUNT DESC, ACTIVE_AT ASC",
						List.of(key("BOUNCE_COUNT", "DESC"), key("ACTIVE_AT", "ASC")), 3, 6, 1, 9, 12, 4, 7, 10, 5, 2,
						8, 11),
				ordering("ID DESC", List.of(key("ID", "DESC")), 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("orderings")
	void ordersOnePage(String name, List<Object> orderBy, List<String> expected) {
		page(orderBy, 100, null, null, null).path("sequenceStates.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(expected.toArray(String[]::new));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("orderings")
	void pagesForwardThroughTiesReturningEveryRowOnceInOrder(String name, List<Object> orderBy, List<String> expected) {
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = page(orderBy, 5, after, null, null);
			seen.addAll(page.path("sequenceStates.edges[*].node.id").entityList(String.class).get());
			after = page.path("sequenceStates.pageInfo.endCursor").entity(String.class).get();
			more = page.path("sequenceStates.pageInfo.hasNextPage").entity(Boolean.class).get();
		}
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("orderings")
	void pagesBackwardThroughTiesReturningEveryRowOnceInOrder(String name, List<Object> orderBy,
			List<String> expected) {
		List<String> seen = new ArrayList<>();
		String before = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = page(orderBy, null, null, 5, before);
			seen.addAll(0, page.path("sequenceStates.edges[*].node.id").entityList(String.class).get());
			before = page.path("sequenceStates.pageInfo.startCursor").entity(String.class).get();
			more = page.path("sequenceStates.pageInfo.hasPreviousPage").entity(Boolean.class).get();
		}
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	/**
	 * A narrow createdAt range under an order led by another column is read first and
	 * sorted (SequenceStateRepository#findPage); the rows and their paging must not
	 * change with it.
	 */
	@Test
	void pagesANarrowDateRangeThatIsReadBeforeSorting() {
		String now = OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
		String from = OffsetDateTime.parse(now).minusDays(1).toString();
		String to = OffsetDateTime.parse(now).plusDays(1).toString();
		List<String> seen = new ArrayList<>();
		String before = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = this.graphQlTester.document(
					"query($before: String, $from: DateTime, $to: DateTime) { sequenceStates(last: 5, before: $before, "
							+ "filter: { createdAt: { gte: $from, lte: $to } }, orderBy: [{ field: BOUNCE_COUNT, direction: DESC }]) "
							+ "{ edges { node { id } } pageInfo { hasPreviousPage startCursor } } }")
				.variable("before", before)
				.variable("from", from)
				.variable("to", to)
				.execute();
			seen.addAll(0, page.path("sequenceStates.edges[*].node.id").entityList(String.class).get());
			before = page.path("sequenceStates.pageInfo.startCursor").entity(String.class).get();
			more = page.path("sequenceStates.pageInfo.hasPreviousPage").entity(Boolean.class).get();
		}
		assertThat(seen).containsExactly("12", "9", "6", "3", "1", "10", "7", "4", "11", "8", "5", "2");
	}

	@Test
	void refusesCursorFromAnotherOrdering() {
		String cursor = page(List.of(key("BOUNCE_COUNT", "ASC")), 2, null, null, null)
			.path("sequenceStates.pageInfo.endCursor")
			.entity(String.class)
			.get();

		page(List.of(key("BOUNCE_COUNT", "DESC")), 2, cursor, null, null).errors()
			.expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("another orderBy or filter"))
			.verify();
	}

	@Test
	void refusesCursorFromAnotherFilter() {
		String cursor = this.graphQlTester
			.document("{ sequenceStates(first: 2, filter: { bounceCount: { eq: 2 } }) { pageInfo { endCursor } } }")
			.execute()
			.path("sequenceStates.pageInfo.endCursor")
			.entity(String.class)
			.get();

		this.graphQlTester
			.document("query($after: String) { sequenceStates(first: 2, after: $after, "
					+ "filter: { bounceCount: { eq: 0 } }) { pageInfo { endCursor } } }")
			.variable("after", cursor)
			.execute()
			.errors()
			.expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("another orderBy or filter"))
			.verify();
	}

	@Test
	void pagesAFilteredOrderingToTheEnd() {
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = this.graphQlTester
				.document("query($after: String) { sequenceStates(first: 2, after: $after, "
						+ "filter: { bounceCount: { gte: 1 } }, orderBy: [{ field: ACTIVE_AT, direction: DESC }]) "
						+ "{ edges { node { id } } pageInfo { hasNextPage endCursor } } }")
				.variable("after", after)
				.execute();
			seen.addAll(page.path("sequenceStates.edges[*].node.id").entityList(String.class).get());
			after = page.path("sequenceStates.pageInfo.endCursor").entity(String.class).get();
			more = page.path("sequenceStates.pageInfo.hasNextPage").entity(Boolean.class).get();
		}
		assertThat(seen).containsExactly("12", "10", "9", "7", "4", "1", "6", "3");
	}

	private GraphQlTester.Response page(List<Object> orderBy, Integer first, String after, Integer last,
			String before) {
		return this.graphQlTester.document(PAGE)
			.variable("orderBy", orderBy)
			.variable("first", first)
			.variable("after", after)
			.variable("last", last)
			.variable("before", before)
			.execute();
	}

	private static Object key(String field, String direction) {
		return java.util.Map.of("field", field, "direction", direction);
	}

	private static Arguments ordering(String name, List<Object> orderBy, int... ids) {
		return Arguments.of(name, orderBy, java.util.Arrays.stream(ids).mapToObj(String::valueOf).toList());
	}

}
