package com.acme.gateway.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Counts the SQL statements jOOQ executes, the way java-dataloader's tests record batch
 * calls: N+1 protection is asserted by counting, not by timing.
 */
public class StatementCounter implements ExecuteListener {

	private final AtomicInteger count = new AtomicInteger();

	private volatile String lastSql;

	private final AtomicInteger changeFilterMatches = new AtomicInteger();

	private final AtomicInteger changeLogReads = new AtomicInteger();

	@Override
	public void executeStart(ExecuteContext context) {
		String sql = context.sql();
		// The subscription feed reads the change log on its own timer, not for the
		// request counted.
		if (sql != null && (sql.contains("sequence_state_change") || sql.contains("pg_current_snapshot"))) {
			if (sql.contains("\"change_position\" = any (")) {
				this.changeFilterMatches.incrementAndGet();
			}
			else if (sql.contains("left outer join")) {
				// The feed's read of the settled changes, joined with their transitions.
				this.changeLogReads.incrementAndGet();
			}
			return;
		}
		this.count.incrementAndGet();
		this.lastSql = context.sql();
	}

	/** The text of the statement executed last. */
	public String lastSql() {
		return this.lastSql;
	}

	public void reset() {
		this.count.set(0);
		this.changeFilterMatches.set(0);
		this.changeLogReads.set(0);
	}

	/**
	 * Reads of the change log's settled changes (the feed's, or a replay's), since the
	 * reset.
	 */
	public int changeLogReads() {
		return this.changeLogReads.get();
	}

	/**
	 * Statements that matched changes of the log against subscribers' filters, since the
	 * reset.
	 */
	public int changeFilterMatches() {
		return this.changeFilterMatches.get();
	}

	public int count() {
		return this.count.get();
	}

}
