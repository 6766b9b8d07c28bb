package com.acme.gateway.demo;

import java.util.SplittableRandom;

/**
 * Randomness that is a pure function of (salt, row id), so any table can recompute the
 * attributes of a row of another table (a state's step, a prospect's account) without
 * keeping it in memory, and the same size always yields the same data.
 *
 * <p>
 * Trap: never share one generator across rows or tables. A shared stream makes every
 * value depend on how many values were drawn before it, so adding one column would change
 * all later rows and two tables could no longer agree about the same row.
 */
final class RowRandom {

	/** One stream per purpose; values are arbitrary but must never change. */
	enum Salt {

		USER, ACCOUNT, PROSPECT, PROSPECT_ACCOUNT, SEQUENCE, SEQUENCE_STEP_COUNT, SEQUENCE_STEP, SEQUENCE_OF_PROSPECT,
		MAILBOX, OPPORTUNITY, BATCH_ITEM, STATE, MAILING, TASK, CALL

	}

	private static final long SEED = 0x5EED_DE30_2026_0101L;

	private RowRandom() {
	}

	static SplittableRandom of(Salt salt, long id) {
		return new SplittableRandom(hash(salt, id));
	}

	/**
	 * A well-mixed non-negative long for (salt, id): use for one-off picks like "which
	 * account".
	 */
	static long hash(Salt salt, long id) {
		return mix(SEED + (salt.ordinal() + 1L) * 0x9E3779B97F4A7C15L + mix(id)) >>> 1;
	}

	/**
	 * Stafford's variant 13 of the MurmurHash3 finaliser: consecutive inputs map far
	 * apart.
	 */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
