package com.acme.gateway.demo;

/**
 * How many rows of each reference table a demo data set of {@code states} sequence states
 * has, and the pure functions that tie rows together (which account a prospect belongs
 * to, which sequence a state is in).
 *
 * <p>
 * Trap: the unique index {@code sequence_state_one_live_per_prospect_and_sequence} allows
 * one pending/active/paused state per (prospect, sequence). States are dealt to prospects
 * round by round ({@code id - 1 = round * prospects + prospect - 1}) and the round shifts
 * the prospect's sequence by one, so as long as there are at least as many sequences as
 * rounds every state has its own (prospect, sequence) pair. The constructor checks that.
 */
record DemoDataShape(long states, long prospects, long accounts, long sequences, long users, long mailboxes,
		long opportunities, long batchItems) {

	DemoDataShape {
		long rounds = ceilDiv(states, prospects);
		if (sequences < rounds) {
			throw new IllegalArgumentException("need at least " + rounds + " sequences so that no prospect is"
					+ " twice in one sequence, got " + sequences);
		}
	}

	/**
	 * Ratios: 2.5 states per prospect (so at most 3 rounds), 20 prospects per account,
	 * 500 states per sequence, 1,000 states per user, two mailboxes per user, an
	 * opportunity for every other account, a batch item per 4 states.
	 */
	static DemoDataShape forStates(long states) {
		if (states < 1) {
			throw new IllegalArgumentException("states must be positive, got " + states);
		}
		long prospects = ceilDiv(states * 2, 5);
		long accounts = ceilDiv(prospects, 20);
		long rounds = ceilDiv(states, prospects);
		long users = Math.max(2, ceilDiv(states, 1000));
		return new DemoDataShape(states, prospects, accounts, Math.max(Math.max(3, rounds), ceilDiv(states, 500)),
				users, users * 2, ceilDiv(accounts, 2), Math.max(1, ceilDiv(states, 4)));
	}

	long prospectOfState(long stateId) {
		return (stateId - 1) % prospects + 1;
	}

	/**
	 * Distinct for the (at most {@code sequences}) states of one prospect: see the class
	 * comment.
	 */
	long sequenceOfState(long stateId) {
		long prospect = prospectOfState(stateId);
		long round = (stateId - 1) / prospects;
		long first = RowRandom.hash(RowRandom.Salt.SEQUENCE_OF_PROSPECT, prospect) % sequences;
		return (first + round) % sequences + 1;
	}

	/**
	 * Hashed, not {@code id % accounts}, so prospect ids never accidentally equal their
	 * account ids.
	 */
	long accountOfProspect(long prospectId) {
		return RowRandom.hash(RowRandom.Salt.PROSPECT_ACCOUNT, prospectId) % accounts + 1;
	}

	/** Mailbox {@code 2u - 1} and {@code 2u} belong to user {@code u}. */
	long userOfMailbox(long mailboxId) {
		return (mailboxId + 1) / 2;
	}

	/**
	 * Opportunity {@code o} belongs to account {@code 2o - 1}: only odd accounts have
	 * one.
	 */
	long accountOfOpportunity(long opportunityId) {
		return opportunityId * 2 - 1;
	}

	/** The opportunity of an account, or null for even accounts (which have none). */
	Long opportunityOfAccount(long accountId) {
		return accountId % 2 == 1 ? (accountId + 1) / 2 : null;
	}

	private static long ceilDiv(long dividend, long divisor) {
		return (dividend + divisor - 1) / divisor;
	}
}
