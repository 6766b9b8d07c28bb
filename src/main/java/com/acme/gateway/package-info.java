/**
 * The sequence-state gateway: a GraphQL API over PostgreSQL. Each subpackage is one
 * capability (a schema type with its own fields) or one piece of shared plumbing
 * ({@code graphql}, {@code database}, {@code http}); dependencies between them point one
 * way ({@code PackageCyclesTests}).
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway;

import org.jspecify.annotations.NullMarked;
