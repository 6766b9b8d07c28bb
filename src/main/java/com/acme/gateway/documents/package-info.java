/**
 * Persisted and trusted documents: automatic persisted queries, Apollo and Relay
 * manifests, {@code documentId} requests, and queries over GET with caching headers.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.documents;

import org.jspecify.annotations.NullMarked;
