/**
 * Accounts, the companies prospects work for: the record and its batched lookup by id.
 *
 * <p>
 * The trap: a record that a sequence-state query joined holds only the columns the
 * selection asked for ({@link com.acme.gateway.database.Columns#forNames}), the others
 * null whatever their annotation; only the selected fields are read from it.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.account;

import org.jspecify.annotations.NullMarked;
