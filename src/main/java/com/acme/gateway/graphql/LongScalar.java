package com.acme.gateway.graphql;

import java.math.BigInteger;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code Long} scalar: a 64-bit whole number written as a JSON number, for sums that
 * outgrow {@code Int}. Written here because graphql-java's own {@code Long} moved to the
 * extended-scalars library, whose one scalar is not worth a dependency; inputs outside 64
 * bits are refused, never wrapped.
 */
public final class LongScalar {

	public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("Long")
		.description("A 64-bit whole number, written as a JSON number")
		.coercing(new LongCoercing())
		.build();

	private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

	private LongScalar() {
	}

	private static final class LongCoercing implements Coercing<Long, Long> {

		@Override
		public Long serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof Long || value instanceof Integer || value instanceof Short) {
				return ((Number) value).longValue();
			}
			throw new CoercingSerializeException("A Long must be a whole number of at most 64 bits");
		}

		@Override
		public Long parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof Long || input instanceof Integer || input instanceof Short) {
				return ((Number) input).longValue();
			}
			if (input instanceof BigInteger big && big.compareTo(MIN) >= 0 && big.compareTo(MAX) <= 0) {
				return big.longValue();
			}
			throw new CoercingParseValueException("A Long must be a whole number of at most 64 bits");
		}

		@Override
		public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof IntValue number && number.getValue().compareTo(MIN) >= 0
					&& number.getValue().compareTo(MAX) <= 0) {
				return number.getValue().longValue();
			}
			throw new CoercingParseLiteralException("A Long must be a whole number of at most 64 bits");
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return IntValue.newIntValue(BigInteger.valueOf(serialize(input, context, locale))).build();
		}

	}

}
