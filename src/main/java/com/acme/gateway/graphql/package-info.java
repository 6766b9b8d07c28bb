/**
 * Shared GraphQL plumbing with no domain words: error codes and resolvers, cursors,
 * scalars, connections, the parsed-document cache and the DataLoader registry.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.graphql;

import org.jspecify.annotations.NullMarked;
