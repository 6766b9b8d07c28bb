/**
 * The HTTP exchange around GraphQL: bounded request bodies, whole-response writes, the
 * request id in logs and errors, and the status of a rate-limited answer.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.http;

import org.jspecify.annotations.NullMarked;
