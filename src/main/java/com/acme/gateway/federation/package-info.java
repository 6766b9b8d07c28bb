/**
 * The gateway as an Apollo Federation 2 subgraph: {@code _service { sdl }} for the router's
 * composition and {@code _entities} for fetching this subgraph's entities by id, in batches.
 */
package com.acme.gateway.federation;
