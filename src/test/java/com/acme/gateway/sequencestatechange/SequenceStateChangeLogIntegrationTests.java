package com.acme.gateway.sequencestatechange;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.acme.gateway.sequencestate.SequenceStateStatus;
import com.acme.gateway.support.Fixtures;
import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestDatabase;
import org.jooq.Condition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

class SequenceStateChangeLogIntegrationTests extends IntegrationTest {

	@Autowired
	private SequenceStateChangeLog log;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private ChangeLogRetention retention;

	@Test
	void capturesEveryKindOfChangeMadeWithPlainSql() throws Exception {
		Fixtures.World world = this.fixtures.world();
		ChangePosition start = this.log.settledEnd();
		long stateId = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
		execute("update sequence_state set state = 'paused', pause_reason = 'holiday' where id = " + stateId);
		execute("delete from sequence_state where id = " + stateId);

		List<SequenceStateChange> changes = new ArrayList<>();
		readUntil(changes, start, 3);

		assertThat(changes).extracting(SequenceStateChange::kind)
			.containsExactly(SequenceStateChangeKind.CREATED, SequenceStateChangeKind.UPDATED,
					SequenceStateChangeKind.DELETED);
		assertThat(changes).allSatisfy(change -> assertThat(change.id()).isEqualTo(stateId));
		assertThat(changes.get(1).state().state()).isEqualTo(SequenceStateStatus.PAUSED);
		assertThat(changes.get(1).state().pauseReason()).isEqualTo("holiday");
		assertThat(changes.get(2).state()).isNull();
		assertThat(changes.get(2).row().state()).isEqualTo(SequenceStateStatus.PAUSED);
	}

	@Test
	void rolledBackWriteLeavesNothing() throws Exception {
		Fixtures.World world = this.fixtures.world();
		long stateId = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
		ChangePosition start = this.log.settledEnd();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("update sequence_state set state = 'paused' where id = " + stateId);
			}
			connection.rollback();
		}
		execute("update sequence_state set reply_count = 1 where id = " + stateId);

		List<SequenceStateChange> changes = new ArrayList<>();
		readInto(changes, readUntil(changes, start, 1));
		assertThat(changes).singleElement()
			.satisfies(change -> assertThat(change.row().replyCount()).isEqualTo(1))
			.satisfies(change -> assertThat(change.row().state()).isEqualTo(SequenceStateStatus.ACTIVE));
	}

	/**
	 * PostgreSQL's xmin is cluster-wide: a transaction left open in another database of
	 * the same server (here: {@code postgres}, holding an xid) must not hold back this
	 * database's feed, since it cannot write to this log. Before the horizon left such
	 * transactions out, this change stayed unsettled until that transaction ended.
	 */
	@Test
	void openTransactionInAnotherDatabaseDoesNotHoldTheFeedBack() throws Exception {
		Fixtures.World world = this.fixtures.world();
		TestDatabase database = TestDatabase.get();
		try (Connection elsewhere = DriverManager.getConnection(TestDatabase.withDatabase(database.url(), "postgres"),
				database.username(), database.password())) {
			elsewhere.setAutoCommit(false);
			try (Statement statement = elsewhere.createStatement()) {
				statement.execute("select pg_current_xact_id()");
			}
			ChangePosition start = this.log.settledEnd();
			long stateId = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
					world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));

			List<SequenceStateChange> changes = new ArrayList<>();
			readUntil(changes, start, 1);

			assertThat(changes).as("changes settled while another database's transaction is open")
				.extracting(SequenceStateChange::id)
				.containsExactly(stateId);
			elsewhere.rollback();
		}
	}

	/**
	 * T1 writes first (lower position) and commits after T2: a reader that read T2's
	 * change while T1 was open must still get T1's change afterwards, and neither twice.
	 */
	@Test
	void lateCommitIsNeitherLostNorRepeated() throws Exception {
		Fixtures.World world = this.fixtures.world();
		long first = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
		long second = this.fixtures.state(this.fixtures.prospect(world.account(), "Bob", "M", "bob@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
		ChangePosition cursor = this.log.settledEnd();
		List<SequenceStateChange> delivered = new ArrayList<>();
		try (Connection early = this.dataSource.getConnection(); Connection late = this.dataSource.getConnection()) {
			early.setAutoCommit(false);
			late.setAutoCommit(false);
			try (Statement t1 = early.createStatement(); Statement t2 = late.createStatement()) {
				t1.executeUpdate("update sequence_state set reply_count = 1 where id = " + first);
				t2.executeUpdate("update sequence_state set reply_count = 2 where id = " + second);
				late.commit();
				cursor = readInto(delivered, cursor);
				assertThat(delivered).as("T2 waits until T1 ends").isEmpty();
				// A transaction that starts and commits while T1 is open: it also waits
				// for T1.
				execute("update sequence_state set reply_count = 3 where id = " + second);
				cursor = readInto(delivered, cursor);
				early.commit();
			}
		}
		readInto(delivered, readUntil(delivered, cursor, 3));

		assertThat(delivered).extracting(change -> change.row().replyCount()).containsExactly(1, 2, 3);
		assertThat(delivered).extracting(SequenceStateChange::position).doesNotHaveDuplicates();
	}

	/**
	 * T2 takes its xid first but writes the log after T1; both are still delivered once.
	 */
	@Test
	void transactionWithEarlierIdWritingLaterIsNotLost() throws Exception {
		Fixtures.World world = this.fixtures.world();
		long first = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
		long second = this.fixtures.state(this.fixtures.prospect(world.account(), "Bob", "M", "bob@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
		ChangePosition cursor = this.log.settledEnd();
		List<SequenceStateChange> delivered = new ArrayList<>();
		try (Connection older = this.dataSource.getConnection(); Connection younger = this.dataSource.getConnection()) {
			older.setAutoCommit(false);
			younger.setAutoCommit(false);
			try (Statement early = older.createStatement(); Statement late = younger.createStatement()) {
				// The older transaction takes its xid with a write elsewhere, then stays
				// open.
				early.execute("create temporary table take_xid (x int) on commit drop");
				early.execute("insert into take_xid values (1)");
				late.executeUpdate("update sequence_state set reply_count = 1 where id = " + first);
				cursor = readInto(delivered, cursor);
				// The older one writes the log after the younger, then commits first.
				early.executeUpdate("update sequence_state set click_count = 1 where id = " + second);
				older.commit();
				cursor = readInto(delivered, cursor);
				younger.commit();
			}
		}
		readInto(delivered, readUntil(delivered, cursor, 2));

		assertThat(delivered).hasSize(2);
		assertThat(delivered).extracting(SequenceStateChange::position).doesNotHaveDuplicates();
	}

	/**
	 * Many filters against one batch, over several statements: each filter gets exactly
	 * the changes whose row it holds for, in the filters' order; a condition that is
	 * SQL's unknown for a row (a comparison with null) does not match it.
	 */
	@Test
	void matchesEachOfManyFiltersAgainstTheChangesOfABatch() throws Exception {
		Fixtures.World world = this.fixtures.world();
		ChangePosition start = this.log.settledEnd();
		long low = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
				world.sequence(), state -> state.setReplyCount(2));
		long high = this.fixtures.state(this.fixtures.prospect(world.account(), "Bob", "M", "bob@example.com"),
				world.sequence(), state -> state.setReplyCount(5));
		List<SequenceStateChange> changes = new ArrayList<>();
		readUntil(changes, start, 2);
		List<ChangePosition> positions = changes.stream().map(SequenceStateChange::position).toList();
		ChangePosition lowChange = changes.stream()
			.filter(change -> change.id() == low)
			.findFirst()
			.orElseThrow()
			.position();
		ChangePosition highChange = changes.stream()
			.filter(change -> change.id() == high)
			.findFirst()
			.orElseThrow()
			.position();
		List<Condition> filters = new ArrayList<>();
		int count = 2 * SequenceStateChangeLog.FILTERS_PER_STATEMENT + 7;
		for (int i = 0; i < count - 1; i++) {
			filters.add(SEQUENCE_STATE.REPLY_COUNT.ge(i % 7));
		}
		filters.add(SEQUENCE_STATE.ERROR_REASON.eq("none set"));

		List<Set<Long>> matching = this.log.findMatchingEach(positions, filters);

		assertThat(matching).hasSize(count);
		for (int i = 0; i < count - 1; i++) {
			Set<Long> expected = new java.util.HashSet<>();
			if (2 >= i % 7) {
				expected.add(lowChange.position());
			}
			if (5 >= i % 7) {
				expected.add(highChange.position());
			}
			assertThat(matching.get(i)).as("filter %d, reply count >= %d", i, i % 7).isEqualTo(expected);
		}
		assertThat(matching.get(count - 1)).as("a comparison with a null error reason").isEmpty();
	}

	/**
	 * The hourly job deletes the changes past the retention (7 days) and keeps every
	 * newer one.
	 */
	@Test
	void retentionJobDeletesOnlyChangesPastTheRetention() throws Exception {
		Fixtures.World world = this.fixtures.world();
		long stateId = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
		for (int replies = 1; replies <= 4; replies++) {
			execute("update sequence_state set reply_count = " + replies + " where id = " + stateId);
		}
		execute("update sequence_state_change set changed_at = now() - interval '30 days' where reply_count = 0");
		execute("update sequence_state_change set changed_at = now() - interval '7 days 1 minute' where reply_count = 1");
		execute("update sequence_state_change set changed_at = now() - interval '6 days 23 hours' where reply_count = 2");

		assertThat(this.retention.deleteExpired()).isEqualTo(2);

		List<SequenceStateChange> kept = new ArrayList<>();
		readInto(kept, readUntil(kept, ChangePosition.START, 3));
		assertThat(kept).extracting(change -> change.row().replyCount()).containsExactly(2, 3, 4);
		assertThat(this.retention.deleteExpired()).as("nothing more to delete").isZero();
	}

	/**
	 * Reads until {@code delivered} holds {@code total} changes: xmin is cluster-wide, so
	 * a transaction of another database can hold the feed back for a moment.
	 */
	private ChangePosition readUntil(List<SequenceStateChange> delivered, ChangePosition cursor, int total)
			throws InterruptedException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (delivered.size() < total && System.nanoTime() < deadline) {
			cursor = readInto(delivered, cursor);
			Thread.sleep(20);
		}
		return cursor;
	}

	private ChangePosition readInto(List<SequenceStateChange> delivered, ChangePosition cursor) {
		List<SequenceStateChange> changes = this.log.findSettledAfter(cursor, 100);
		delivered.addAll(changes);
		return changes.isEmpty() ? cursor : changes.get(changes.size() - 1).position();
	}

	private void execute(String sql) throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

}
