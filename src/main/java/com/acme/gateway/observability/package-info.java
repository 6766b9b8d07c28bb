/**
 * Traces and metrics of GraphQL requests: Spring for GraphQL's observations
 * ({@code graphql.request}, {@code graphql.datafetcher}, {@code graphql.dataloader})
 * exported through OpenTelemetry, with the operation name as a tag of bounded
 * cardinality.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.observability;

import org.jspecify.annotations.NullMarked;
