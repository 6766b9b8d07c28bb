package com.acme.gateway.database;

import java.util.Collection;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@code column = any(?)} with the keys bound as one array. Unlike {@code in (?, ?, …)}
 * the SQL text is the same for every batch size, so PostgreSQL and the driver reuse one
 * prepared statement and plan, and a batch of thousands of keys binds a single parameter.
 */
public final class AnyOf {

	private AnyOf() {
	}

	public static Condition longs(Field<Long> column, Collection<Long> keys) {
		return column.eq(DSL.any(keys.toArray(Long[]::new)));
	}

}
