/**
 * Shared jOOQ plumbing with no domain or schema words: settings, column lists read by
 * position, keyset seeks, SQL rendered once per query shape, and the database faults a
 * client may retry.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.database;

import org.jspecify.annotations.NullMarked;
