/**
 * Aggregates and groups of sequence states, for analysts: {@code sequenceStatesAggregate}
 * and {@code sequenceStateGroups}, one SQL statement per aggregate or page of groups over
 * the same filter conditions as {@code sequenceStates}.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.aggregate;

import org.jspecify.annotations.NullMarked;
