/**
 * The {@code sequenceStateChanges} subscription: changes read from a trigger-written
 * change log in commit-safe order, woken by LISTEN/NOTIFY, resumable with a cursor.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.sequencestatechange;

import org.jspecify.annotations.NullMarked;
