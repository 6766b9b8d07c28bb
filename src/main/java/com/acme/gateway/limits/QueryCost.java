package com.acme.gateway.limits;

import java.util.List;
import java.util.Map;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The cost of an operation: about how many objects its answer can hold, so that it grows
 * with the page sizes requested at every level.
 * <ul>
 * <li>a scalar or enum field costs nothing of its own (it is part of its object);</li>
 * <li>a field returning one object costs 1 plus its selection;</li>
 * <li>the {@code edges} of a connection cost the page size ({@code first}, else
 * {@code last}, else the default page size) times (1 + the edge's selection);</li>
 * <li>any other list of objects costs its assumed size
 * ({@link LimitsProperties#listSize}) times (1 + the element's selection), since plain
 * lists have no page size to read;</li>
 * <li>federation's {@code _entities} costs the number of representations times (1 + the
 * selection).</li>
 * </ul>
 * So {@code sequenceStates(first: 1000) { edges { node { mailings { id } } } }} costs 1 +
 * 1000 × (1 + 1 + 20 × 1) = 22,001, while the GraphiQL example (10 states with five
 * to-one relationships and the active step's tasks) costs 1 + 10 × (1 + 8) + 1 = 92.
 * <p>
 * Trap: the products overflow an {@code int} quickly with nested lists, so every step
 * saturates at {@link Integer#MAX_VALUE} instead of wrapping to a small, accepted number.
 */
public class QueryCost implements FieldComplexityCalculator {

	private final LimitsProperties limits;

	private final int defaultPageSize;

	public QueryCost(LimitsProperties limits, int defaultPageSize) {
		this.limits = limits;
		this.defaultPageSize = defaultPageSize;
	}

	@Override
	public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
		GraphQLOutputType type = environment.getFieldDefinition().getType();
		if (GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type))) {
			return 0;
		}
		long perObject = 1L + childComplexity;
		if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))) {
			return saturate(perObject);
		}
		long size = isConnectionEdges(environment) ? pageSize(environment.getParentEnvironment().getArguments())
				: isEntities(environment) ? representations(environment.getArguments())
						: this.limits.listSize(environment.getField().getName());
		return saturate(size * perObject);
	}

	private static boolean isConnectionEdges(FieldComplexityEnvironment environment) {
		return environment.getParentType().getName().endsWith("Connection")
				&& environment.getParentEnvironment() != null;
	}

	/**
	 * Federation's {@code _entities}: a router sends as many representations as it wants
	 * objects.
	 */
	private static boolean isEntities(FieldComplexityEnvironment environment) {
		return environment.getParentEnvironment() == null && "_entities".equals(environment.getField().getName());
	}

	private static long representations(Map<String, Object> arguments) {
		return (arguments.get("representations") instanceof List<?> representations) ? representations.size() : 1;
	}

	/**
	 * Out-of-range sizes are refused later by the field itself; here they only must not
	 * lower the cost.
	 */
	private long pageSize(Map<String, Object> arguments) {
		Object size = (arguments.get("first") != null) ? arguments.get("first") : arguments.get("last");
		return (size instanceof Number number) ? Math.max(0, number.longValue()) : this.defaultPageSize;
	}

	private static int saturate(long cost) {
		return (int) Math.min(Integer.MAX_VALUE, cost);
	}

}
