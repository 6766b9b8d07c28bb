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

/**
 * The columns a record type is read from, and how to read it from a row that selected them,
 * alone or beside other tables' columns in a join. Flat columns rather than a nested
 * {@code row(...)}: PostgreSQL would send a nested row as one text literal for the driver to
 * parse back, slower than plain columns and unable to tell a missing row from a row of nulls.
 *
 * <p>Each column is named by the GraphQL field it answers, so a query that joins the type can
 * select only the columns its selection asks for ({@link #forFields}): a page of 50 states
 * joining five types then reads 12 of their 30 columns, measured as a sixth more pages per
 * second from PostgreSQL alone. Lookups by id select every column ({@link #fields} of the
 * instance built by {@link #of}), so what the DataLoaders cache is always whole.
 */
public final class Columns<T> {

	/** A field name that reads no column: graphql-java answers it from the type alone. */
	private static final String TYPENAME = "__typename";

	private final Field<Long> id;

	private final Map<String, Field<?>> byGraphQlField;

	private final List<Field<?>> fields;

	/** Where a row holds {@link #fields}: also what a reader may read, a subset's columns only. */
	private final ColumnPositions positions;

	/** Whether this instance selects only some of the type's columns. */
	private final boolean subset;

	private final Function<Row, T> reader;

	/** The instances for subsets of the fields, built once each (at most one per subset). */
	private final Map<Set<String>, Columns<T>> subsets;

	private Columns(Field<Long> id, Map<String, Field<?>> byGraphQlField, List<Field<?>> fields, boolean subset,
			Function<Row, T> reader, Map<Set<String>, Columns<T>> subsets) {
		this.id = id;
		this.byGraphQlField = byGraphQlField;
		this.fields = fields;
		this.positions = ColumnPositions.of(fields);
		this.subset = subset;
		this.reader = reader;
		this.subsets = subsets;
	}

	/**
	 * Every column of a type.
	 * @param id the primary key; null in a row means a left join found nothing
	 * @param byGraphQlField each column, in select-list order, under the GraphQL field it
	 * answers (a link's foreign key under the link's field)
	 * @param reader builds the record from a row; a column the row did not select reads as null
	 */
	public static <T> Columns<T> of(Field<Long> id, List<Map.Entry<String, Field<?>>> byGraphQlField,
			Function<Row, T> reader) {
		Map<String, Field<?>> columns = new LinkedHashMap<>();
		byGraphQlField.forEach(entry -> columns.put(entry.getKey(), entry.getValue()));
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
	 * The columns that answer these GraphQL fields of the type, and the primary key. Every column
	 * when a name is not one of the type's column fields, so a field added to the schema without
	 * a column here reads a whole row rather than a null.
	 */
	public Columns<T> forFields(Set<String> graphQlFields) {
		if (this.subset) {
			throw new IllegalStateException("forFields is asked of every column, not of a subset");
		}
		Columns<T> subset = this.subsets.get(graphQlFields);
		if (subset == null) {
			subset = this.subsets.computeIfAbsent(Set.copyOf(graphQlFields), this::subset);
		}
		return subset;
	}

	private Columns<T> subset(Set<String> graphQlFields) {
		for (String name : graphQlFields) {
			if (!name.equals(TYPENAME) && !this.byGraphQlField.containsKey(name)) {
				return this;
			}
		}
		List<Field<?>> columns = new ArrayList<>();
		this.byGraphQlField.forEach((name, column) -> {
			if (column == this.id || graphQlFields.contains(name)) {
				columns.add(column);
			}
		});
		if (columns.size() == this.fields.size()) {
			return this;
		}
		return new Columns<>(this.id, this.byGraphQlField, List.copyOf(columns), true, this.reader, Map.of());
	}

	/** The record of this row, or null when the row has none (its primary key is null). */
	public T read(Record row) {
		return read(this.positions.in(row));
	}

	/**
	 * The same, for a row that holds {@link #fields} in order from position {@code first}, as a
	 * join that selects them after other tables' columns does (any other row is read as well,
	 * only slower).
	 */
	public T read(Record row, int first) {
		return read(this.positions.in(row, first));
	}

	private T read(ColumnPositions.Reader values) {
		return (values.get(this.id) != null) ? this.reader.apply(new Row(values)) : null;
	}

	/** A row as a reader sees it: the value of a selected column, null for any other. */
	public static final class Row {

		private final ColumnPositions.Reader values;

		private Row(ColumnPositions.Reader values) {
			this.values = values;
		}

		public <V> V get(Field<V> column) {
			return this.values.get(column);
		}

	}

}
