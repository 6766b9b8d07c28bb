package com.acme.gateway.sequencestatechange;

/**
 * Where a change sits in the feed: its transaction's id, then its place in the log.
 *
 * <p>
 * The feed is ordered by {@code (xid, position)}, not by position alone: positions are
 * taken when a row is written, so a transaction that writes first and commits last holds
 * a position below changes already read. Only transactions below the reader's snapshot
 * xmin are read, and every later transaction has a higher xid, so nothing can appear
 * behind a position already delivered (see
 * {@code db/changes/0020-sequence-state-change.sql}).
 */
public record ChangePosition(long xid, long position) implements Comparable<ChangePosition> {

	/** Before every change. */
	public static final ChangePosition START = new ChangePosition(Long.MIN_VALUE, Long.MIN_VALUE);

	/** After every change of the transactions below {@code xmin}. */
	public static ChangePosition afterTransactionsBelow(long xmin) {
		return new ChangePosition(xmin - 1, Long.MAX_VALUE);
	}

	@Override
	public int compareTo(ChangePosition other) {
		int byXid = Long.compare(this.xid, other.xid);
		return (byXid != 0) ? byXid : Long.compare(this.position, other.position);
	}

	public boolean isAfter(ChangePosition other) {
		return compareTo(other) > 0;
	}

}
