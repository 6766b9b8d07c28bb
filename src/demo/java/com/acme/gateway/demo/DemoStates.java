package com.acme.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import com.acme.gateway.demo.DemoState.DemoCounters;

/**
 * Computes sequence state {@code id} from the id alone, so the state table and the
 * mailing, task and call tables (written later, in separate COPYs) agree without keeping
 * a million states in memory.
 *
 * <p>
 * Statuses: states 1..8 take each status once, so every status appears even in tiny data
 * sets; the rest are mostly active (38%) and finished (30%). Creation times grow with the
 * id over the two years before {@link DemoTime#REFERENCE}, as real ids do.
 */
final class DemoStates {

	static final String[] STATUSES = { "pending", "active", "paused", "finished", "disabled", "failed", "bounced",
			"opted_out" };

	/** Percentages in the order of {@link #STATUSES}. */
	private static final int[] STATUS_WEIGHTS = { 5, 38, 7, 30, 5, 5, 5, 5 };

	private final DemoDataShape shape;

	private final SequenceLayout layout;

	DemoStates(DemoDataShape shape, SequenceLayout layout) {
		this.shape = shape;
		this.layout = layout;
	}

	DemoDataShape shape() {
		return shape;
	}

	SequenceLayout layout() {
		return layout;
	}

	DemoState state(long id) {
		SplittableRandom random = RowRandom.of(RowRandom.Salt.STATE, id);
		String status = id <= STATUSES.length ? STATUSES[(int) id - 1] : pickStatus(random.nextInt(100));
		long prospectId = shape.prospectOfState(id);
		long accountId = shape.accountOfProspect(prospectId);
		long sequenceId = shape.sequenceOfState(id);
		int steps = layout.stepCount(sequenceId);
		int stepOrder = switch (status) {
			case "pending" -> 1;
			case "finished" -> steps;
			default -> 1 + random.nextInt(steps);
		};
		long creatorId = 1 + random.nextLong(shape.users());
		long mailboxId = creatorId * 2 - random.nextInt(2);
		Long opportunityId = random.nextInt(5) < 2 ? shape.opportunityOfAccount(accountId) : null;
		Long batchItemId = random.nextInt(4) == 0 ? BatchItemRows.batchItemAt(shape, id) : null;

		long windowSeconds = DemoTime.STATE_WINDOW.toSeconds();
		Instant createdAt = DemoTime.between(random,
				DemoTime.STATES_START.plusSeconds((id - 1) * windowSeconds / shape.states()),
				DemoTime.STATES_START.plusSeconds((id - 1) * windowSeconds / shape.states() + 3_600));
		boolean wasActive = !status.equals("pending") && !status.equals("disabled") || random.nextInt(2) == 0;
		Instant activeAt = wasActive ? DemoTime.after(random, createdAt, Duration.ofDays(2)) : null;
		Instant stateChangedAt = switch (status) {
			case "pending" -> createdAt;
			case "active" -> activeAt;
			default -> DemoTime.after(random, activeAt != null ? activeAt : createdAt, Duration.ofDays(60));
		};
		Instant updatedAt = DemoTime.after(random, stateChangedAt, Duration.ofDays(7));
		// active_at is what the API shows for "active since": only states that run or ran
		// keep it.
		Instant shownActiveAt = status.equals("active") || status.equals("paused") || status.equals("finished")
				? activeAt : null;

		DemoCounters counters = counters(random, status, stepOrder);
		Instant repliedAt = counters.reply() > 0
				? DemoTime.between(random, activeAt != null ? activeAt : createdAt, stateChangedAt) : null;
		int callCount = status.equals("pending") ? 0 : callCount(random.nextInt(100));
		Instant callCompletedAt = callCount > 0
				? DemoTime.between(random, activeAt != null ? activeAt : createdAt, updatedAt) : null;

		return new DemoState(id, status, prospectId, accountId, sequenceId, stepOrder,
				layout.stepId(sequenceId, stepOrder), mailboxId, opportunityId, creatorId, batchItemId, createdAt,
				shownActiveAt, stateChangedAt, updatedAt, repliedAt, callCompletedAt, callCount, counters,
				status.equals("paused") ? DemoText.PAUSE_REASONS[random.nextInt(DemoText.PAUSE_REASONS.length)] : null,
				status.equals("failed") ? DemoText.ERROR_REASONS[random.nextInt(DemoText.ERROR_REASONS.length)] : null);
	}

	private static String pickStatus(int percentile) {
		int bound = 0;
		for (int i = 0; i < STATUSES.length; i++) {
			bound += STATUS_WEIGHTS[i];
			if (percentile < bound) {
				return STATUSES[i];
			}
		}
		throw new IllegalStateException("status weights must add up to 100");
	}

	/** About half a call per state: 40% one call, 5% two. */
	private static int callCount(int percentile) {
		return percentile < 40 ? 1 : percentile < 45 ? 2 : 0;
	}

	private static DemoCounters counters(SplittableRandom random, String status, int stepOrder) {
		if (status.equals("pending")) {
			return new DemoCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		int schedule = stepOrder + random.nextInt(2);
		int bounce = status.equals("bounced") ? 1 : random.nextInt(50) == 0 ? 1 : 0;
		int failure = status.equals("failed") ? 1 + random.nextInt(2) : 0;
		int deliver = Math.max(0, schedule - bounce - failure);
		int open = deliver == 0 ? 0 : random.nextInt(deliver + 1);
		int click = open == 0 ? 0 : random.nextInt(open + 1);
		int reply = deliver == 0 || random.nextInt(100) >= 15 ? 0 : 1 + (random.nextInt(5) == 0 ? 1 : 0);
		reply = Math.min(reply, deliver);
		int positive = 0;
		int neutral = 0;
		int negative = 0;
		for (int i = 0; i < reply; i++) {
			switch (random.nextInt(3)) {
				case 0 -> positive++;
				case 1 -> neutral++;
				default -> negative++;
			}
		}
		int optOut = status.equals("opted_out") ? 1 : 0;
		return new DemoCounters(schedule, deliver, open, click, reply, positive, neutral, negative, bounce, failure,
				optOut);
	}

}
