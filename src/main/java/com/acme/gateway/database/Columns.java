package com.acme.gateway.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jooq.Field;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;

/**
 * The columns a record type is read from, and how to read it from a row that selected
 * them, alone or beside other tables' columns in a join. Flat columns rather than a
 * nested {@code row(...)}: PostgreSQL would send a nested row as one text literal for the
 * driver to parse back, slower than plain columns and unable to tell a missing row from a
 * row of nulls.
 *
 * <p>
 * Each column has a name its callers choose (the API layer names them after the fields
 * they answer), so a query that joins the type can select only the columns a caller names
 * ({@link #forNames}): fewer columns make each joined row cheaper for PostgreSQL to send.
 * Lookups by id select every column ({@link #fields} of the instance built by
 * {@link #of}), so what a cache of whole records holds is always whole.
 */
public final class Columns<T> {

	private final Field<Long> id;

	private final Map<String, Field<?>> byName;

	private final List<Field<?>> fields;

	/**
	 * Where a row holds {@link #fields}: also what a reader may read, a subset's columns
	 * only.
	 */
	private final ColumnPositions positions;

	/** Whether this instance selects only some of the type's columns. */
	private final boolean subset;

	private final Function<Row, T> reader;

	/**
	 * The instances for subsets of the fields, built once each (at most one per subset).
	 */
	private final Map<Set<String>, Columns<T>> subsets;

	private Columns(Field<Long> id, Map<String, Field<?>> byName, List<Field<?>> fields, boolean subset,
			Function<Row, T> reader, Map<Set<String>, Columns<T>> subsets) {
		this.id = id;
		this.byName = byName;
		this.fields = fields;
		this.positions = ColumnPositions.of(fields);
		this.subset = subset;
		this.reader = reader;
		this.subsets = subsets;
	}

	/**
	 * Every column of a type.
	 * @param id the primary key; null in a row means a left join found nothing
	 * @param byName each column, in select-list order, under the name {@link #forNames}
	 * selects it by
	 * @param reader builds the record from a row; a column the row did not select reads
	 * as null
	 */
	public static <T> Columns<T> of(Field<Long> id, List<Map.Entry<String, Field<?>>> byName, Function<Row, T> reader) {
		Map<String, Field<?>> columns = new LinkedHashMap<>();
		byName.forEach(entry -> columns.put(entry.getKey(), entry.getValue()));
		if (!columns.containsValue(id)) {
			throw new IllegalArgumentException("the columns must include the primary key " + id);
		}
		return new Columns<>(id, Collections.unmodifiableMap(columns), List.copyOf(columns.values()), false, reader,
				new ConcurrentHashMap<>());
	}

	/** The columns to select. */
	public List<Field<?>> fields() {
		return this.fields;
	}

	/**
	 * The columns with these names, and the primary key. Every column when a name is not
	 * one of them, so a name a caller adds without a column here reads a whole row rather
	 * than a null.
	 */
	public Columns<T> forNames(Set<String> names) {
		if (this.subset) {
			throw new IllegalStateException("forNames is asked of every column, not of a subset");
		}
		Columns<T> subset = this.subsets.get(names);
		if (subset == null) {
			subset = this.subsets.computeIfAbsent(Set.copyOf(names), this::subset);
		}
		return subset;
	}

	private Columns<T> subset(Set<String> names) {
		for (String name : names) {
			if (!this.byName.containsKey(name)) {
				return this;
			}
		}
		List<Field<?>> columns = new ArrayList<>();
		this.byName.forEach((name, column) -> {
			if (column == this.id || names.contains(name)) {
				columns.add(column);
			}
		});
		if (columns.size() == this.fields.size()) {
			return this;
		}
		return new Columns<>(this.id, this.byName, List.copyOf(columns), true, this.reader, Map.of());
	}

	/**
	 * The record of this row, or null when the row has none (its primary key is null).
	 */
	public @Nullable T read(Record row) {
		return read(this.positions.in(row));
	}

	/**
	 * The same, for a row that holds {@link #fields} in order from position
	 * {@code first}, as a join that selects them after other tables' columns does (any
	 * other row is read as well, only slower).
	 */
	public @Nullable T read(Record row, int first) {
		return read(this.positions.in(row, first));
	}

	private @Nullable T read(ColumnPositions.Reader values) {
		return (values.get(this.id) != null) ? this.reader.apply(new Row(values)) : null;
	}

	/** A row as a reader sees it: the value of a selected column, null for any other. */
	public static final class Row {

		private final ColumnPositions.Reader values;

		private Row(ColumnPositions.Reader values) {
			this.values = values;
		}

		public <V> @Nullable V get(Field<V> column) {
			return this.values.get(column);
		}

	}

}
