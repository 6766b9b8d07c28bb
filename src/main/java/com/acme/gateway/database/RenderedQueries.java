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

/**
 * The SQL of jOOQ queries, rendered once per query shape and reused with each request's bind
 * values. Rendering a page of states with its joined links (some 60 qualified columns and five
 * lateral lookups) measured a tenth of the gateway's CPU per request, and its text depends only
 * on the query's shape: which filter operators, which order, which links, the page size.
 *
 * <p>The caller names the shape and gives the bind values in the order the query binds them;
 * everything else in the query must be inlined ({@code DSL.inline}), so that the text is the same
 * for every query of the shape. On a miss, the query is built, rendered, and its bind values are
 * checked against the caller's, so a shape that does not capture everything fails on first use
 * rather than running another request's SQL.
 */
public final class RenderedQueries {

	private final Cache<Object, String> sql;

	public RenderedQueries(int maximumShapes) {
		this.sql = Caffeine.newBuilder().maximumSize(maximumShapes).build();
	}

	/**
	 * @param shape equal for exactly the queries that render the same text (a record of the
	 * query's parameters other than bind values)
	 * @param query builds the query; called on a miss only
	 * @param columns the query's select list, so the records hold these very fields
	 * @param parameters the query's bind parameters in order, for instance
	 * {@code dsl.extractParams(condition).values()} of the one condition holding them all
	 */
	public ResultQuery<Record> query(DSLContext dsl, Object shape, Supplier<? extends Query> query,
			Collection<? extends Field<?>> columns, Collection<? extends Param<?>> parameters) {
		List<Param<?>> bound = new ArrayList<>(parameters.size());
		for (Param<?> parameter : parameters) {
			if (!parameter.isInline()) {
				bound.add(parameter);
			}
		}
		String text = this.sql.get(shape, key -> render(dsl, query.get(), bound));
		return dsl.resultQuery(text, bound.stream().map(RenderedQueries::databaseValue).toArray()).coerce(columns);
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
	 * The value as the database sees it (an enum's column text, say): plain SQL binds a value by
	 * its Java class, without the converter its column applies.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object databaseValue(Param<?> parameter) {
		return ((Converter) parameter.getConverter()).to(parameter.getValue());
	}

}
