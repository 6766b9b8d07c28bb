/**
 * A sequence state's activity: its mailings, tasks and calls, read in batches per state
 * or per state's current step, and the fields of a mailing or task that link onward.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.activity;

import org.jspecify.annotations.NullMarked;
