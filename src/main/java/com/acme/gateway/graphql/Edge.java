package com.acme.gateway.graphql;

/** One row of a connection page and the cursor that points at it. */
public record Edge<T>(String cursor, T node) {
}
