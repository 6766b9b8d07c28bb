/**
 * The shared filter inputs ({@code IntFilter}, {@code StringFilter}, ...) as jOOQ
 * conditions on one column, and the limits on a filter's size and depth.
 *
 * <p>
 * Types, parameters and return values are non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package com.acme.gateway.filter;

import org.jspecify.annotations.NullMarked;
