package com.acme.gateway.sequencestate;

import java.util.Locale;

import org.jooq.impl.AbstractConverter;

/**
 * Where a prospect stands in a sequence. The database stores the lower-case name
 * ({@code opted_out}); GraphQL exposes the constant's name ({@code OPTED_OUT}).
 */
public enum SequenceStateStatus {

	PENDING, ACTIVE, PAUSED, FINISHED, DISABLED, FAILED, BOUNCED, OPTED_OUT;

	/** The value stored in {@code sequence_state.state}. */
	public String databaseValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a stored value. Other writers share the table, so an unknown value is a data
	 * error worth failing loudly on rather than guessing.
	 */
	public static SequenceStateStatus fromDatabase(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/**
	 * Used by the generated jOOQ table for {@code sequence_state.state} (see pom.xml).
	 */
	public static final class DatabaseConverter extends AbstractConverter<String, SequenceStateStatus> {

		public DatabaseConverter() {
			super(String.class, SequenceStateStatus.class);
		}

		@Override
		public SequenceStateStatus from(String databaseObject) {
			return (databaseObject != null) ? fromDatabase(databaseObject) : null;
		}

		@Override
		public String to(SequenceStateStatus userObject) {
			return (userObject != null) ? userObject.databaseValue() : null;
		}

	}

}
