package com.acme.gateway.database;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The keyset predicates, rendered as PostgreSQL SQL with inlined values. */
class KeysetTests {

	private static final OffsetDateTime T = OffsetDateTime.parse("2019-08-24T14:15:22Z");

	private final DSLContext sql = DSL.using(SQLDialect.POSTGRES,
			new Settings().withRenderFormatted(false).withRenderQuotedNames(org.jooq.conf.RenderQuotedNames.NEVER));

	@Test
	void usesRowComparisonWhenAllKeysRunOneWayAndAreNotNull() {
		List<SortKey<?>> keys = List.of(SortKey.of(SEQUENCE_STATE.UPDATED_AT, true),
				SortKey.of(SEQUENCE_STATE.ID, true));

		assertThat(render(Keyset.after(keys, List.of(T, 7L), false))).isEqualTo(
				"(sequence_state.updated_at, sequence_state.id) < (timestamp with time zone '2019-08-24 14:15:22+00:00', 7)");
	}

	@Test
	void flipsTheComparisonWhenReadingBackward() {
		List<SortKey<?>> keys = List.of(SortKey.of(SEQUENCE_STATE.ID, false));

		assertThat(render(Keyset.after(keys, List.of(7L), true))).isEqualTo("(sequence_state.id) < (7)");
	}

	@Test
	void nullableAscendingKeyTreatsNullsAsLast() {
		List<SortKey<?>> keys = List.of(SortKey.of(SEQUENCE_STATE.ACTIVE_AT, false),
				SortKey.of(SEQUENCE_STATE.ID, false));

		assertThat(render(Keyset.after(keys, List.of(T, 7L), false))).isEqualTo(
				"(sequence_state.active_at > timestamp with time zone '2019-08-24 14:15:22+00:00' or sequence_state.active_at is null "
						+ "or (sequence_state.active_at = timestamp with time zone '2019-08-24 14:15:22+00:00' and sequence_state.id > 7))");
	}

	@Test
	void afterANullOnAnAscendingKeyOnlyTiesRemain() {
		List<SortKey<?>> keys = List.of(SortKey.of(SEQUENCE_STATE.ACTIVE_AT, false),
				SortKey.of(SEQUENCE_STATE.ID, false));

		assertThat(render(Keyset.after(keys, Arrays.asList(null, 7L), false)))
			.isEqualTo("(sequence_state.active_at is null and sequence_state.id > 7)");
	}

	@Test
	void mixedDirectionsAddABoundOnTheLeadingKey() {
		List<SortKey<?>> keys = List.of(SortKey.of(SEQUENCE_STATE.BOUNCE_COUNT, true),
				SortKey.of(SEQUENCE_STATE.ID, false));

		assertThat(render(Keyset.after(keys, List.of(3, 7L), false))).isEqualTo(
				"((sequence_state.bounce_count < 3 or (sequence_state.bounce_count = 3 and sequence_state.id > 7)) "
						+ "and sequence_state.bounce_count <= 3)");
	}

	private String render(org.jooq.Condition condition) {
		return this.sql.renderContext().paramType(ParamType.INLINED).render(condition);
	}

}
