package com.acme.gateway.sequencestate;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state machine of a sequence state: which action a user may take from which status,
 * and the status it leads to. Pure rules, no database: the writes turn
 * {@link #allowedFrom} into the {@code where state in (…)} of one conditional UPDATE, so
 * the rule is checked by the database at the moment of the write and never by a read that
 * another client's write can overtake.
 *
 * <table>
 * <caption>The transitions</caption>
 * <tr>
 * <th>action</th>
 * <th>allowed from</th>
 * <th>to</th>
 * </tr>
 * <tr>
 * <td>create</td>
 * <td>(new)</td>
 * <td>{@code ACTIVE} if the sequence is enabled, else {@code PENDING}</td>
 * </tr>
 * <tr>
 * <td>{@link Action#PAUSE}</td>
 * <td>{@code ACTIVE}</td>
 * <td>{@code PAUSED}</td>
 * </tr>
 * <tr>
 * <td>{@link Action#RESUME}</td>
 * <td>{@code PAUSED}</td>
 * <td>{@code ACTIVE}</td>
 * </tr>
 * <tr>
 * <td>{@link Action#FINISH}</td>
 * <td>{@code PENDING}, {@code ACTIVE}, {@code PAUSED}</td>
 * <td>{@code FINISHED}</td>
 * </tr>
 * <tr>
 * <td>{@link Action#DELETE}</td>
 * <td>any</td>
 * <td>(gone)</td>
 * </tr>
 * </table>
 *
 * <p>
 * Trap: {@code FINISHED}, {@code DISABLED}, {@code FAILED}, {@code BOUNCED} and
 * {@code OPTED_OUT} are set by other systems (the mailer, sync jobs) as well as by
 * finish; a user can only delete such a state, never bring it back to life, because
 * reviving it could break the rule of one live state per prospect and sequence behind the
 * back of the unique index's owner.
 */
public final class SequenceStateTransitions {

	/**
	 * The statuses in which a prospect counts as enrolled (the unique index's predicate).
	 */
	public static final Set<SequenceStateStatus> LIVE = Set
		.copyOf(EnumSet.of(SequenceStateStatus.PENDING, SequenceStateStatus.ACTIVE, SequenceStateStatus.PAUSED));

	private SequenceStateTransitions() {
	}

	/**
	 * What a user does to an existing state; named in error extensions as {@code action}.
	 */
	public enum Action {

		PAUSE(EnumSet.of(SequenceStateStatus.ACTIVE), SequenceStateStatus.PAUSED),
		RESUME(EnumSet.of(SequenceStateStatus.PAUSED), SequenceStateStatus.ACTIVE),
		FINISH(EnumSet.of(SequenceStateStatus.PENDING, SequenceStateStatus.ACTIVE, SequenceStateStatus.PAUSED),
				SequenceStateStatus.FINISHED),
		/** Removes the row; its target is null because there is no status after it. */
		DELETE(EnumSet.allOf(SequenceStateStatus.class), null);

		private final Set<SequenceStateStatus> allowedFrom;

		private final SequenceStateStatus target;

		Action(Set<SequenceStateStatus> allowedFrom, SequenceStateStatus target) {
			this.allowedFrom = Set.copyOf(allowedFrom);
			this.target = target;
		}

	}

	/**
	 * The status a new state starts in: a disabled sequence enrols without running steps.
	 */
	public static SequenceStateStatus initialStatus(boolean sequenceEnabled) {
		return sequenceEnabled ? SequenceStateStatus.ACTIVE : SequenceStateStatus.PENDING;
	}

	/** The statuses {@code action} may start from. */
	public static Set<SequenceStateStatus> allowedFrom(Action action) {
		return action.allowedFrom;
	}

	public static boolean isAllowed(Action action, SequenceStateStatus from) {
		return action.allowedFrom.contains(from);
	}

	/**
	 * The status after {@code action}; null for {@link Action#DELETE}, after which
	 * nothing is left.
	 */
	public static SequenceStateStatus target(Action action) {
		return action.target;
	}

}
