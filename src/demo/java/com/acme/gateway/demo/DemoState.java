package com.acme.gateway.demo;

import java.time.Instant;

/**
 * One generated sequence state: everything its row holds, plus what its mailings, tasks
 * and calls need to agree with it (current step order, how many calls).
 */
record DemoState(long id, String status, long prospectId, long accountId, long sequenceId, int stepOrder,
		long sequenceStepId, long mailboxId, Long opportunityId, long creatorId, Long batchItemCreatorId,
		Instant createdAt, Instant activeAt, Instant stateChangedAt, Instant updatedAt, Instant repliedAt,
		Instant callCompletedAt, int callCount, DemoCounters counters, String pauseReason, String errorReason) {

	/**
	 * pending, active and paused: the states the one-live-per-prospect-and-sequence index
	 * covers.
	 */
	boolean live() {
		return status.equals("pending") || status.equals("active") || status.equals("paused");
	}

	/**
	 * The counters of a state; deliver >= open >= click and reply = positive + neutral +
	 * negative.
	 */
	record DemoCounters(int schedule, int deliver, int open, int click, int reply, int positiveReply, int neutralReply,
			int negativeReply, int bounce, int failure, int optOut) {
	}
}
