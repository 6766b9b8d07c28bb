package com.acme.gateway.aggregate;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The per-column aggregates of {@code SequenceStateAggregate}, named as its fields are.
 * {@code sum} of an {@code integer} column is a {@code bigint} in PostgreSQL, read as an
 * exact {@code Long}, and 0 over no rows (the sum of nothing); {@code avg} is
 * {@code numeric}, null over no rows; {@code min} and {@code max} keep the column's type,
 * null over no rows.
 */
enum AggregateFunction {

	SUM, AVG, MIN, MAX;

	/** The field name in the SDL ({@code sum}, {@code avg}, ...). */
	String fieldName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static AggregateFunction ofFieldName(String name) {
		return valueOf(name.toUpperCase(java.util.Locale.ROOT));
	}

	/** This aggregate of {@code column}, typed as its answer is read. */
	Field<?> of(Field<?> column) {
		return switch (this) {
			case SUM ->
				DSL.coalesce(DSL.sum(column.coerce(SQLDataType.INTEGER)).coerce(SQLDataType.BIGINT), DSL.inline(0L));
			case AVG -> DSL.avg(column.coerce(SQLDataType.INTEGER));
			case MIN -> DSL.min(column);
			case MAX -> DSL.max(column);
		};
	}

	/** The value as GraphQL answers it: averages as {@code Float}, the rest as read. */
	Object answer(Object value) {
		return (this == AVG && value instanceof Number number) ? number.doubleValue() : value;
	}

}
