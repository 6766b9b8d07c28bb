/**
 * The gateway as an Apollo Federation 2 subgraph: {@code _service { sdl }} for the
 * router's composition and {@code _entities} for fetching this subgraph's entities by id,
 * in batches.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.federation;

import org.jspecify.annotations.NullMarked;
