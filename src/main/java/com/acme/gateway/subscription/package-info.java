/**
 * What every subscription goes through, whatever its field and transport: the limits per
 * WebSocket connection and per user (the latter shared by every instance through leases
 * in PostgreSQL), and its end with {@code UNAUTHENTICATED} when the caller's token
 * expires.
 */
package com.acme.gateway.subscription;
