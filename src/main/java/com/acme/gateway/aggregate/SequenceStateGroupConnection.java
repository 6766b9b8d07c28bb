package com.acme.gateway.aggregate;

import java.util.List;

import com.acme.gateway.graphql.Edge;
import com.acme.gateway.graphql.PageInfo;

/**
 * A page of groups; {@code grouping} is kept so that {@code totalCount}, when selected,
 * counts the groups of the same query.
 */
public record SequenceStateGroupConnection(List<Edge<SequenceStateGroup>> edges, PageInfo pageInfo, Grouping grouping) {
}
