package com.acme.gateway.aggregate;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * One key of a grouping, as the SQL expression it groups by.
 *
 * <p>
 * A date-time key is truncated in the query's time zone and turned back into an instant:
 * {@code timezone(zone, date_trunc(unit, timezone(zone, column)))}, which is PostgreSQL's
 * {@code date_trunc(unit, column at time zone zone) at time zone zone}. Truncating the
 * local wall-clock time is what makes a day start at local midnight, a daylight-saving
 * day last 23 or 25 hours and a week start on Monday (PostgreSQL's ISO weeks). The zone
 * and the unit are inlined as literals, both checked against fixed lists first: with bind
 * values the select list and the GROUP BY would hold two different expressions to
 * PostgreSQL, which then refuses the query.
 *
 * @param field the key the client named
 * @param expression what the query selects, groups and orders by
 */
record GroupKey(GroupField field, Field<?> expression) {

	static GroupKey plain(GroupField field) {
		return new GroupKey(field, field.column());
	}

	@SuppressWarnings("unchecked")
	static GroupKey truncated(GroupField field, String unit, String zone) {
		Field<OffsetDateTime> column = (Field<OffsetDateTime>) field.column();
		Field<LocalDateTime> local = DSL.function("timezone", LocalDateTime.class, DSL.inline(zone), column);
		Field<LocalDateTime> bucket = DSL.function("date_trunc", LocalDateTime.class,
				DSL.inline(unit.toLowerCase(Locale.ROOT)), local);
		return new GroupKey(field, DSL.function("timezone", OffsetDateTime.class, DSL.inline(zone), bucket));
	}

}
