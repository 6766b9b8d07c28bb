package com.acme.gateway.database;

import java.util.List;

/**
 * A row of a keyset page together with its sort-key values, from which its cursor is
 * made.
 */
public record KeyedRow<T>(T node, List<Object> sortValues) {
}
