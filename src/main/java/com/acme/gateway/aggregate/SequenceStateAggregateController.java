package com.acme.gateway.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.acme.gateway.filter.FilterLimits;
import com.acme.gateway.filter.FilterSignature;
import com.acme.gateway.graphql.CursorCodec;
import com.acme.gateway.graphql.Edge;
import com.acme.gateway.graphql.InvalidInputException;
import com.acme.gateway.graphql.PageInfo;
import com.acme.gateway.graphql.PageRequest;
import com.acme.gateway.graphql.PagingProperties;
import com.acme.gateway.sequencestate.SequenceStateConditions;
import graphql.schema.DataFetchingEnvironment;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code sequenceStatesAggregate} and {@code sequenceStateGroups} queries. Every
 * argument is checked (filter limits, keys, time zone, order, page size, cursor) before
 * the first statement runs, and the filter is the very condition {@code sequenceStates}
 * uses.
 */
@Controller
public class SequenceStateAggregateController {

	private static final String GROUP_AGGREGATE = "edges/node/aggregate/";

	private final AggregateRepository repository;

	private final CursorCodec cursors;

	private final PagingProperties paging;

	private final FilterLimits filterLimits;

	public SequenceStateAggregateController(AggregateRepository repository, CursorCodec cursors,
			PagingProperties paging, FilterLimits filterLimits) {
		this.repository = repository;
		this.cursors = cursors;
		this.paging = paging;
		this.filterLimits = filterLimits;
	}

	@QueryMapping
	public Map<String, Object> sequenceStatesAggregate(@Argument @Nullable Map<String, Object> filter,
			DataFetchingEnvironment environment) {
		Condition condition = SequenceStateConditions.of(filter, this.filterLimits);
		return this.repository.aggregate(condition, AggregateSelection.of(environment.getSelectionSet(), ""));
	}

	@QueryMapping
	public SequenceStateGroupConnection sequenceStateGroups(@Argument @Nullable Map<String, Object> filter,
			@Argument List<Map<String, Object>> groupBy, @Argument @Nullable String timeZone,
			@Argument @Nullable Map<String, Object> having, @Argument @Nullable List<Map<String, Object>> orderBy,
			@Argument @Nullable Integer first, @Argument @Nullable String after, DataFetchingEnvironment environment) {
		PageRequest page = PageRequest.of(first, after, null, null, this.paging);
		List<GroupKey> keys = GroupKeys.of(groupBy, timeZone);
		Grouping grouping = new Grouping(SequenceStateConditions.of(filter, this.filterLimits), keys,
				HavingConditions.of(having, this.filterLimits.maxDepth()), GroupOrdering.of(orderBy, keys));
		String scope = scope(filter, groupBy, timeZone, having, orderBy);
		int offset = (page.cursor() != null) ? readPosition(page.cursor(), scope) + 1 : 0;
		List<SequenceStateGroup> groups = (page.size() == 0) ? List.of() : this.repository.page(grouping,
				AggregateSelection.of(environment.getSelectionSet(), GROUP_AGGREGATE), offset, page.size() + 1);
		boolean more = groups.size() > page.size();
		List<Edge<SequenceStateGroup>> edges = new ArrayList<>(Math.min(groups.size(), page.size()));
		for (int i = 0; i < groups.size() && i < page.size(); i++) {
			edges.add(new Edge<>(this.cursors.encode(scope, List.of(Integer.toString(offset + i))), groups.get(i)));
		}
		PageInfo pageInfo = new PageInfo(more, page.cursor() != null, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new SequenceStateGroupConnection(edges, pageInfo, grouping);
	}

	/** Counted only when selected, in a statement of its own. */
	@SchemaMapping(typeName = "SequenceStateGroupConnection")
	public int totalCount(SequenceStateGroupConnection connection) {
		return this.repository.count(connection.grouping());
	}

	/**
	 * What a cursor belongs to: every argument but the page's own. A position means
	 * nothing under another filter, grouping or order, so such a cursor is refused rather
	 * than misread.
	 */
	private static String scope(Map<String, Object> filter, List<Map<String, Object>> groupBy, String timeZone,
			Map<String, Object> having, List<Map<String, Object>> orderBy) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("filter", filter);
		arguments.put("groupBy", groupBy);
		arguments.put("timeZone", timeZone);
		arguments.put("having", having);
		arguments.put("orderBy", orderBy);
		return "groups|" + FilterSignature.of(arguments);
	}

	/** The position in the groups' total order of the group the cursor points at. */
	private int readPosition(String cursor, String scope) {
		String position = this.cursors.decode(cursor, scope, 1).get(0);
		try {
			return Integer.parseInt(position);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("The cursor is malformed; take cursors from pageInfo or edges.");
		}
	}

}
