package com.acme.gateway.database;

import java.time.OffsetDateTime;

import org.jooq.Field;

/**
 * One column of an ORDER BY, with the means to carry its value through a cursor.
 *
 * @param field the generated column
 * @param descending the direction the client asked for
 * @param valueType the Java type of the column's values (enum types read and write their
 * names)
 */
public record SortKey<T>(Field<T> field, boolean descending, Class<T> valueType) {

	public static <T> SortKey<T> of(Field<T> field, boolean descending) {
		return new SortKey<>(field, descending, field.getType());
	}

	/**
	 * Whether the column can hold NULL, which changes the keyset predicate (see
	 * {@link Keyset}).
	 */
	public boolean nullable() {
		return this.field.getDataType().nullable();
	}

	public T valueOf(org.jooq.Record row) {
		return row.get(this.field);
	}

	/** The value as cursor text; the inverse of {@link #read}. */
	public String write(Object value) {
		if (value == null) {
			return null;
		}
		return (value instanceof Enum<?> constant) ? constant.name() : value.toString();
	}

	/**
	 * Reads a value written by {@link #write}. The cursor is signed, so failure here
	 * means a bug or a secret shared with another schema version, never a client's doing.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public T read(String text) {
		if (text == null) {
			return null;
		}
		Object value;
		if (this.valueType == Long.class) {
			value = Long.valueOf(text);
		}
		else if (this.valueType == Integer.class) {
			value = Integer.valueOf(text);
		}
		else if (this.valueType == OffsetDateTime.class) {
			value = OffsetDateTime.parse(text);
		}
		else if (this.valueType == Boolean.class) {
			value = Boolean.valueOf(text);
		}
		else if (this.valueType.isEnum()) {
			value = Enum.valueOf((Class) this.valueType, text);
		}
		else {
			value = text;
		}
		return this.valueType.cast(value);
	}

}
