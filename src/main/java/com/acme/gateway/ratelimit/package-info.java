/**
 * Per-user rate limits: every GraphQL request of a user is charged its query cost (at
 * least 1 point) against an hourly budget that Bucket4j keeps in PostgreSQL, so all
 * instances share it.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
