/**
 * Sequence states, the gateway's main resource: queries with typed filters and keyset
 * paging, to-one links joined in the same statement, and the mutations with their
 * transition rules.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.sequencestate;

import org.jspecify.annotations.NullMarked;
