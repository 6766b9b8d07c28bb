package com.acme.gateway.database;

import java.util.List;
import java.util.function.Function;

import org.jooq.Field;
import org.jooq.Record;

/**
 * The columns a record type is read from, and how to read it from a row that selected them,
 * alone or beside other tables' columns in a join. Flat columns rather than a nested
 * {@code row(...)}: PostgreSQL would send a nested row as one text literal for the driver to
 * parse back, slower than plain columns and unable to tell a missing row from a row of nulls.
 *
 * @param id the primary key; null in a row means a left join found nothing
 * @param fields the columns to select
 * @param reader builds the record from a row holding {@code fields}
 */
public record Columns<T>(Field<Long> id, List<Field<?>> fields, Function<Record, T> reader) {

	/** The record of this row, or null when the row has none (its primary key is null). */
	public T read(Record row) {
		return (row.get(this.id) != null) ? this.reader.apply(row) : null;
	}

}
