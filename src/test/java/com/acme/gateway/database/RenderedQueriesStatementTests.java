package com.acme.gateway.database;

import java.util.List;

import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RenderedQueries.Statement} cuts a rendered statement at its bind markers so that
 * jOOQ binds each value where the marker was; the integration tests run every query
 * through it.
 */
class RenderedQueriesStatementTests {

	@Test
	void putsEachValueWhereItsMarkerWas() {
		String text = "select \"t\".\"a\" from \"t\" where \"t\".\"b\" = ? and \"t\".\"c\" in (?, ?) fetch next 3 rows only";
		List<Param<?>> values = List.of(DSL.val(7L), DSL.val("x"), DSL.val("y{0}"));

		RenderedQueries.Statement statement = RenderedQueries.Statement.of(text, values.size());
		String rendered = DSL.using(SQLDialect.POSTGRES)
			.renderInlined(DSL.resultQuery(statement.template(), statement.substitutes(values)));
		String indexed = DSL.using(SQLDialect.POSTGRES)
			.render(DSL.resultQuery(statement.template(), statement.substitutes(values)));

		assertThat(statement.template()).isEqualTo("{3}?{4}?{5}?{6}");
		assertThat(rendered).isEqualTo(
				"select \"t\".\"a\" from \"t\" where \"t\".\"b\" = 7 and \"t\".\"c\" in ('x', 'y{0}') fetch next 3 rows only");
		assertThat(indexed).isEqualTo(text);
	}

	@Test
	void aStatementWithoutValuesIsOnePiece() {
		RenderedQueries.Statement statement = RenderedQueries.Statement.of("select 1", 0);

		assertThat(statement.template()).isEqualTo("{0}");
		assertThat(DSL.using(SQLDialect.POSTGRES)
			.render(DSL.resultQuery(statement.template(), statement.substitutes(List.of())))).isEqualTo("select 1");
	}

	@Test
	void refusesATextWhoseMarkersDoNotMatchItsValues() {
		// A question mark inside an inlined literal would shift every value after it.
		assertThatThrownBy(() -> RenderedQueries.Statement.of("select '?' where a = ?", 1))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("2 markers for 1 bind values");
	}

}
