package com.acme.gateway.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQL;
import org.jooq.impl.DSL;

/**
 * The SQL of jOOQ queries, rendered once per query shape and reused with each request's
 * bind values. Rendering a page of states with its joined links (some 60 qualified
 * columns and five lateral lookups) costs more CPU than reading its rows, and its text
 * depends only on the query's shape: which filter operators, which order, which links,
 * the page size.
 *
 * <p>
 * The caller names the shape and gives the bind values in the order the query binds them;
 * everything else in the query must be inlined ({@code DSL.inline}), so that the text is
 * the same for every query of the shape. On a miss, the query is built, rendered, and its
 * bind values are checked against the caller's, so a shape that does not capture
 * everything fails on first use rather than running another request's SQL.
 *
 * <p>
 * The text is kept cut at its bind markers, and each execution hands jOOQ the pieces as
 * raw SQL around the bind values: given the whole text as a plain-SQL template instead,
 * jOOQ scans it character by character for markers on every execution, and its text is
 * some 2,000 characters (BENCHMARKS.md, "Code shaped by measurements"). The template jOOQ
 * still reads is only the short list of pieces and markers.
 */
public final class RenderedQueries {

	private final Cache<Object, Statement> sql;

	/**
	 * False: every query is built and rendered by jOOQ each time, as without this class.
	 */
	private final boolean enabled;

	/**
	 * @param maximumShapes how many shapes' texts are kept
	 * @param enabled false to render each query afresh, for measuring what this class
	 * earns ({@code gateway.database.rendered-queries}, benchmark/variants.sh)
	 */
	public RenderedQueries(int maximumShapes, boolean enabled) {
		this.sql = Caffeine.newBuilder().maximumSize(maximumShapes).build();
		this.enabled = enabled;
	}

	/**
	 * @param shape equal for exactly the queries that render the same text (a record of
	 * the query's parameters other than bind values)
	 * @param query builds the query; called on a miss only
	 * @param columns the query's select list, so the records hold these very fields
	 * @param parameters the query's bind parameters in order, for instance
	 * {@code dsl.extractParams(condition).values()} of the one condition holding them all
	 */
	public ResultQuery<Record> query(DSLContext dsl, Object shape, Supplier<? extends Query> query,
			Collection<? extends Field<?>> columns, Collection<? extends Param<?>> parameters) {
		if (!this.enabled) {
			return ((ResultQuery<?>) query.get()).coerce(columns);
		}
		List<Param<?>> bound = new ArrayList<>(parameters.size());
		for (Param<?> parameter : parameters) {
			if (!parameter.isInline()) {
				bound.add(parameter);
			}
		}
		Statement statement = this.sql.get(shape, key -> Statement.of(render(dsl, query.get(), bound), bound.size()));
		return dsl.resultQuery(statement.template(), statement.substitutes(bound)).coerce(columns);
	}

	/**
	 * A rendered statement for jOOQ's plain-SQL templating: {@code template} reads
	 * {@code {n}?{n+1}?…{2n}} for n bind values, where each {@code ?} takes the next bind
	 * value (the first n substitutes, in order) and each {@code {i}} a raw piece of the
	 * text between two markers (the substitutes after them).
	 */
	record Statement(String template, List<SQL> pieces) {

		/**
		 * Cuts {@code text} at its bind markers.
		 * @throws IllegalStateException when the text holds another number of {@code ?}
		 * than {@code bindValues} (a {@code ?} inside an inlined literal, say): cutting
		 * there would bind values in the wrong places, so such a query fails on first use
		 * instead
		 */
		static Statement of(String text, int bindValues) {
			List<SQL> pieces = new ArrayList<>(bindValues + 1);
			StringBuilder template = new StringBuilder();
			int start = 0;
			for (int marker = text.indexOf('?'); marker >= 0; marker = text.indexOf('?', start)) {
				template.append('{').append(bindValues + pieces.size()).append("}?");
				pieces.add(DSL.raw(text.substring(start, marker)));
				start = marker + 1;
			}
			template.append('{').append(bindValues + pieces.size()).append('}');
			pieces.add(DSL.raw(text.substring(start)));
			if (pieces.size() != bindValues + 1) {
				throw new IllegalStateException("the statement holds " + (pieces.size() - 1) + " markers for "
						+ bindValues + " bind values: " + text);
			}
			return new Statement(template.toString(), List.copyOf(pieces));
		}

		/** The bind values as the database sees them, then the pieces. */
		Object[] substitutes(List<Param<?>> bound) {
			Object[] substitutes = new Object[bound.size() + this.pieces.size()];
			for (int i = 0; i < bound.size(); i++) {
				substitutes[i] = databaseValue(bound.get(i));
			}
			for (int i = 0; i < this.pieces.size(); i++) {
				substitutes[bound.size() + i] = this.pieces.get(i);
			}
			return substitutes;
		}

	}

	private static String render(DSLContext dsl, Query query, List<Param<?>> bound) {
		List<Object> actual = query.getBindValues();
		List<Object> named = bound.stream().<Object>map(Param::getValue).toList();
		if (!actual.equals(named)) {
			throw new IllegalStateException("the query binds " + actual + ", not the " + named + " its shape names");
		}
		return dsl.render(query);
	}

	/**
	 * The value as the database sees it (an enum's column text, say): plain SQL binds a
	 * value by its Java class, without the converter its column applies.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object databaseValue(Param<?> parameter) {
		return ((Converter) parameter.getConverter()).to(parameter.getValue());
	}

}
