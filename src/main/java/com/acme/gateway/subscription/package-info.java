/**
 * What every subscription goes through, whatever its field and transport: the limits per
 * WebSocket connection and per user (the latter shared by every instance through leases
 * in PostgreSQL), and its end with {@code UNAUTHENTICATED} when the caller's token
 * expires.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.subscription;

import org.jspecify.annotations.NullMarked;
