package com.acme.gateway.demo;

import java.sql.SQLException;
import java.util.List;

import org.jooq.Field;
import org.jooq.Table;

/**
 * The demo rows of one table, streamed in id order with ids 1..n.
 *
 * <p>
 * Trap: {@link #write} must emit the values of each row in exactly the order of
 * {@link #columns()}; keep both next to each other in the implementation.
 */
interface TableRows {

	Table<?> table();

	List<Field<?>> columns();

	void write(CopyWriter out) throws SQLException;

}
