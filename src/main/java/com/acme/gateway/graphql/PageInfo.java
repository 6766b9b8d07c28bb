package com.acme.gateway.graphql;

/** Relay's {@code PageInfo}. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
