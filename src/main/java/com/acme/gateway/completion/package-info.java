/**
 * Completes objects whose whole selection is plain data from a plan compiled once per
 * document, instead of field by field through graphql-java's engine, with the same JSON
 * as the engine's. The one place that knows which fields can be read without their data
 * fetcher.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.completion;

import org.jspecify.annotations.NullMarked;
