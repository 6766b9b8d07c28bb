package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.acme.gateway.filter.FilterLimits;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The SQL a filter becomes, rendered with bind markers: no value is ever spliced in. */
class SequenceStateConditionsTests {

	private static final OffsetDateTime MARCH = OffsetDateTime.parse("2025-03-01T00:00:00Z");

	@Test
	void bindsEveryValue() {
		String sql = render(Map.of("errorReason", Map.of("eq", "x' or 1=1 --")));

		assertThat(sql).isEqualTo("sequence_state.error_reason = ?");
	}

	@Test
	void notIsTheComplementIncludingNulls() {
		String sql = render(Map.of("not", Map.of("errorReason", Map.of("eq", "x"))));

		assertThat(sql).isEqualTo("(sequence_state.error_reason = ?) is distinct from true");
	}

	@Test
	void neOnANullableColumnIncludesNulls() {
		assertThat(render(Map.of("pauseReason", Map.of("ne", "x"))))
			.isEqualTo("sequence_state.pause_reason is distinct from ?");
	}

	@Test
	void inListsBindOneArray() {
		assertThat(render(Map.of("id", Map.of("in", List.of("1", "2", "3")))))
			.isEqualTo("sequence_state.id = any (cast(? as bigint[]))");
	}

	@Test
	void toManyFilterLooksUpStatesByTheCollectedKeys() {
		assertThat(render(Map.of("tasks", Map.of("id", Map.of("eq", "5")))))
			.isEqualTo("sequence_state.id = any (array(select task.sequence_state_id from task where task.id = ?))");
	}

	@Test
	void relatedIdIsTheStatesOwnLinkColumn() {
		assertThat(render(Map.of("account", Map.of("id", Map.of("eq", "5")))))
			.isEqualTo("sequence_state.account_id = ?");
	}

	@Test
	void findsANarrowDateRange() {
		Map<String, Object> filter = Map.of("createdAt", Map.of("gte", MARCH, "lt", MARCH.plusDays(28)));

		assertThat(SequenceStateConditions.narrowDateRanges(filter, Duration.ofDays(31)))
			.containsExactly(SEQUENCE_STATE.CREATED_AT);
	}

	@Test
	void aHalfOpenOrWideRangeIsNotNarrow() {
		Map<String, Object> halfOpen = Map.of("createdAt", Map.of("gte", MARCH));
		Map<String, Object> wide = Map.of("createdAt", Map.of("gte", MARCH, "lt", MARCH.plusDays(90)));

		assertThat(SequenceStateConditions.narrowDateRanges(halfOpen, Duration.ofDays(31))).isEmpty();
		assertThat(SequenceStateConditions.narrowDateRanges(wide, Duration.ofDays(31))).isEmpty();
	}

	private static String render(Map<String, Object> filter) {
		return DSL.using(SQLDialect.POSTGRES, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER))
			.renderContext()
			.render(SequenceStateConditions.of(filter, FilterLimits.DEFAULTS));
	}

}
