package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseValueException;
import org.junit.jupiter.api.Test;

class DateTimeScalarTests {

	@SuppressWarnings("unchecked")
	private final Coercing<OffsetDateTime, String> coercing = (Coercing<OffsetDateTime, String>) DateTimeScalar.INSTANCE
		.getCoercing();

	private final GraphQLContext context = GraphQLContext.getDefault();

	@Test
	void writesUtcWithSecondsEvenWhenZero() {
		OffsetDateTime value = OffsetDateTime.of(2019, 8, 24, 16, 15, 0, 0, ZoneOffset.ofHours(2));

		assertThat(this.coercing.serialize(value, this.context, Locale.ROOT)).isEqualTo("2019-08-24T14:15:00Z");
	}

	@Test
	void keepsMicroseconds() {
		OffsetDateTime value = OffsetDateTime.of(2019, 8, 24, 14, 15, 22, 123_456_000, ZoneOffset.UTC);

		assertThat(this.coercing.serialize(value, this.context, Locale.ROOT)).isEqualTo("2019-08-24T14:15:22.123456Z");
	}

	@Test
	void readsAnyOffsetAsTheSameInstant() {
		OffsetDateTime value = this.coercing.parseValue("2019-08-24T16:15:22+02:00", this.context, Locale.ROOT);

		assertThat(value).isEqualTo(OffsetDateTime.of(2019, 8, 24, 14, 15, 22, 0, ZoneOffset.UTC));
	}

	@Test
	void refusesDateTimeWithoutOffset() {
		assertThatThrownBy(() -> this.coercing.parseValue("2019-08-24T14:15:22", this.context, Locale.ROOT))
			.isInstanceOf(CoercingParseValueException.class)
			.hasMessageContaining("is not an ISO-8601 date-time with an offset");
	}

}
