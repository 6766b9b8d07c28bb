package com.acme.gateway.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code DateTime} scalar: ISO-8601 instants written in UTC
 * ({@code 2019-08-24T14:15:22Z}).
 *
 * <p>
 * Written here rather than taken from graphql-java-extended-scalars because that scalar
 * keeps the stored offset and always prints milliseconds; PostgreSQL keeps microseconds,
 * and a client that filters on a value it was given must get back the very same instant.
 */
public final class DateTimeScalar {

	public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An ISO-8601 instant in UTC, e.g. 2019-08-24T14:15:22Z")
		.coercing(new DateTimeCoercing())
		.build();

	private DateTimeScalar() {
	}

	private static final class DateTimeCoercing implements Coercing<OffsetDateTime, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof OffsetDateTime dateTime) {
				// ISO_INSTANT always prints seconds and only as many fraction digits as
				// needed.
				return DateTimeFormatter.ISO_INSTANT.format(dateTime.toInstant());
			}
			if (value instanceof Instant instant) {
				return DateTimeFormatter.ISO_INSTANT.format(instant);
			}
			throw new CoercingSerializeException("A DateTime must be an OffsetDateTime or Instant");
		}

		@Override
		public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("A DateTime must be a string such as 2019-08-24T14:15:22Z");
		}

		@Override
		public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("A DateTime must be a string such as 2019-08-24T14:15:22Z");
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return StringValue.newStringValue(serialize(input, context, locale)).build();
		}

		private static <E extends RuntimeException> OffsetDateTime parse(String text,
				java.util.function.Function<String, E> failure) {
			try {
				return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
					.withOffsetSameInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				throw failure.apply("\"" + Ids.abbreviate(text)
						+ "\" is not an ISO-8601 date-time with an offset, such as 2019-08-24T14:15:22Z");
			}
		}

	}

}
