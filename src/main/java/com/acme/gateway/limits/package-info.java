/**
 * Limits that keep one request from hurting the others: document size, depth, aliases,
 * cost and the statement timeout, each checked once per operation before any SQL runs.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.limits;

import org.jspecify.annotations.NullMarked;
