package com.acme.gateway.sequencestate;

import java.util.List;

import com.acme.gateway.graphql.Edge;
import com.acme.gateway.graphql.PageInfo;
import org.jooq.Condition;

/**
 * A page of sequence states. Keeps the filter it was read with so that
 * {@code totalCount}, resolved only when selected, counts the same rows.
 */
public record SequenceStateConnection(List<Edge<SequenceState>> edges, PageInfo pageInfo, Condition filter) {
}
