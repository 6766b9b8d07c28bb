/**
 * Who is calling and what they may do: bearer JWTs (a JWK set or HS256), the current user
 * looked up once per token, scopes per root field, and GraphQL-shaped 401 and 403
 * answers.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.security;

import org.jspecify.annotations.NullMarked;
