package com.acme.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The fixed clock of the demo data: everything happens before {@link #REFERENCE}.
 *
 * <p>
 * Trap: never use {@code now()} here (in Java or SQL). Data that depends on when it was
 * loaded is not reproducible, and benchmarks filtering on date windows would drift.
 */
final class DemoTime {

	static final Instant REFERENCE = Instant.parse("2026-01-01T00:00:00Z");

	/** Sequence states are created over the two years before the reference instant. */
	static final Duration STATE_WINDOW = Duration.ofDays(730);
	static final Instant STATES_START = REFERENCE.minus(STATE_WINDOW);

	/** Users, accounts, prospects, sequences... exist before the first state. */
	static final Instant REFERENCE_DATA_START = STATES_START.minus(Duration.ofDays(365));

	private DemoTime() {
	}

	/** A whole second in [from, to], clamped to the reference instant. */
	static Instant between(SplittableRandom random, Instant from, Instant to) {
		long start = from.getEpochSecond();
		long end = Math.min(to.getEpochSecond(), REFERENCE.getEpochSecond());
		if (end <= start) {
			return Instant.ofEpochSecond(Math.min(start, REFERENCE.getEpochSecond()));
		}
		return Instant.ofEpochSecond(start + random.nextLong(end - start + 1));
	}

	/**
	 * A whole second up to {@code maxAfter} after {@code from}, never past the reference
	 * instant.
	 */
	static Instant after(SplittableRandom random, Instant from, Duration maxAfter) {
		return between(random, from, from.plus(maxAfter));
	}

	/**
	 * Creation time of reference data (created before any state), and an update after it.
	 */
	static Instant referenceDataCreatedAt(SplittableRandom random) {
		return between(random, REFERENCE_DATA_START, STATES_START);
	}

}
