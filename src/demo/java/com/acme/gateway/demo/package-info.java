/**
 * Deterministic demo data for local runs and benchmarks, written with PostgreSQL's COPY;
 * it loads only when asked ({@code gateway.demo-data.states}).
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.demo;

import org.jspecify.annotations.NullMarked;
