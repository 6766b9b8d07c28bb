package com.acme.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The SQL of keys, HAVING and ORDER BY, rendered without a database. */
class GroupingSqlTests {

	private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES);

	@Test
	void truncatesInTheZoneAndBackToAnInstant() {
		GroupKey week = GroupKey.truncated(GroupField.CREATED_AT, "WEEK", "America/New_York");
		assertThat(this.dsl.render(week.expression())).isEqualTo("timezone('America/New_York', date_trunc('week', "
				+ "timezone('America/New_York', \"sequence_state\".\"created_at\")))");
	}

	@Test
	void rendersHavingWithAndOrNotAsBoundComparisons() {
		Map<String, Object> having = Map.of("not", Map.of("or",
				List.of(Map.of("count", Map.of("gte", 100L)), Map.of("avg", Map.of("replyCount", Map.of("gt", 0.5))))));
		String sql = this.dsl.renderNamedOrInlinedParams(HavingConditions.of(having, 8));
		assertThat(sql).contains("not").contains("count(*) >= 100").contains("avg(").contains("> 0.5");
		assertThat(this.dsl.render(HavingConditions.of(having, 8))).doesNotContain("100");
	}

	@Test
	void endsEveryOrderWithTheKeysAscendingNullsLast() {
		List<GroupKey> keys = GroupKeys.of(List.of(Map.of("field", "MAILBOX")), "UTC");
		String sql = this.dsl
			.renderInlined(DSL.select(DSL.inline(1)).orderBy(GroupOrdering.of(List.of(Map.of("count", "DESC")), keys)));
		assertThat(sql)
			.endsWith("order by count(*) desc nulls first, \"sequence_state\".\"mailbox_id\" asc nulls last");
	}

}
