package com.acme.gateway.database;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Field;
import org.jooq.Record;

/**
 * Where a row holds a list of columns, so that their values are read by position.
 * <p>
 * {@code Record.get(Field)} finds the field by searching the row's fields one by one; a
 * page of 50 states joined with five links holds 41 columns and is read some 2,000 times,
 * and that search is repeated for every value (BENCHMARKS.md, "Code shaped by
 * measurements"). The gateway's own select lists put each table's columns side by side in
 * a fixed order, so each column's place in its list is found once, here, and a row is
 * checked once (by identity, one comparison per column) to hold the list at the expected
 * place. A row laid out otherwise is read by field, as before: the answer is the same
 * either way.
 */
public final class ColumnPositions {

	private final List<Field<?>> columns;

	private final Map<Field<?>, Integer> positions = new IdentityHashMap<>();

	private ColumnPositions(List<Field<?>> columns) {
		this.columns = columns;
		for (int i = 0; i < this.columns.size(); i++) {
			this.positions.put(this.columns.get(i), i);
		}
	}

	public static ColumnPositions of(List<? extends Field<?>> columns) {
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("no columns");
		}
		return new ColumnPositions(List.copyOf(columns));
	}

	/** The columns of {@code row}, which holds them from wherever its first one is. */
	public Reader in(Record row) {
		return in(row, row.indexOf(this.columns.get(0)));
	}

	/**
	 * The columns of {@code row}, which is expected to hold them in order from position
	 * {@code first}.
	 */
	public Reader in(Record row, int first) {
		return new Reader(row, holdsInOrder(row, first) ? first : -1);
	}

	private boolean holdsInOrder(Record row, int first) {
		if (first < 0 || first + this.columns.size() > row.size()) {
			return false;
		}
		for (int i = 0; i < this.columns.size(); i++) {
			if (row.field(first + i) != this.columns.get(i)) {
				return false;
			}
		}
		return true;
	}

	/** One row's values of the columns. */
	public final class Reader {

		private final Record row;

		/** Where the columns start in the row; -1 when the row holds them otherwise. */
		private final int first;

		/**
		 * The position after the column read last: readers mostly ask for the columns in
		 * order.
		 */
		private int next;

		private Reader(Record row, int first) {
			this.row = row;
			this.first = first;
		}

		/** The value of one of the columns; null for a field that is not one of them. */
		@SuppressWarnings("unchecked")
		public <V> V get(Field<V> column) {
			List<Field<?>> columns = ColumnPositions.this.columns;
			int position;
			if (this.next < columns.size() && columns.get(this.next) == column) {
				// The next column in order: the usual case, without the hash lookup
				// (which cost
				// as much as the search it replaces).
				position = this.next;
			}
			else {
				Integer found = ColumnPositions.this.positions.get(column);
				if (found == null) {
					return null;
				}
				position = found;
			}
			this.next = position + 1;
			// The value the record holds is already of the column's type (jOOQ converted
			// it on
			// fetch), as row.get(column) would return it.
			return (this.first >= 0) ? (V) this.row.get(this.first + position) : this.row.get(column);
		}

		/** Whether the values are read by position (for tests). */
		boolean positional() {
			return this.first >= 0;
		}

	}

}
