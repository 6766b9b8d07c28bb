package com.acme.gateway.demo;

/**
 * Which steps each demo sequence has: 3 to 7 steps (5 on average) with step_order 1..k
 * and consecutive ids, so a step id is computed, never looked up.
 *
 * <p>
 * Holds one {@code long} per sequence (2,000 at a million states); the only per-size
 * state the generator keeps in memory.
 */
final class SequenceLayout {

	private final long[] firstStepId;

	SequenceLayout(long sequences) {
		firstStepId = new long[Math.toIntExact(sequences + 2)];
		firstStepId[1] = 1;
		for (int sequence = 1; sequence <= sequences; sequence++) {
			firstStepId[sequence + 1] = firstStepId[sequence] + 3
					+ RowRandom.of(RowRandom.Salt.SEQUENCE_STEP_COUNT, sequence).nextInt(5);
		}
	}

	int stepCount(long sequenceId) {
		return (int) (firstStepId[(int) sequenceId + 1] - firstStepId[(int) sequenceId]);
	}

	/** Id of the step with {@code stepOrder} (1-based) of the sequence. */
	long stepId(long sequenceId, int stepOrder) {
		if (stepOrder < 1 || stepOrder > stepCount(sequenceId)) {
			throw new IllegalArgumentException("sequence " + sequenceId + " has no step " + stepOrder);
		}
		return firstStepId[(int) sequenceId] + stepOrder - 1;
	}

	long totalSteps() {
		return firstStepId[firstStepId.length - 1] - 1;
	}

	/**
	 * The first step sends the opening email; later steps mix emails, calls and tasks.
	 */
	static String stepType(long stepId, int stepOrder) {
		if (stepOrder == 1) {
			return "auto_email";
		}
		String[] types = { "auto_email", "auto_email", "manual_email", "call", "task" };
		return types[RowRandom.of(RowRandom.Salt.SEQUENCE_STEP, stepId).nextInt(types.length)];
	}

}
