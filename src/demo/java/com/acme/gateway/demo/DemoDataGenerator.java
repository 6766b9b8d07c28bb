package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a deterministic demo data set of {@code states} sequence states with all related
 * rows into an empty gateway schema: the same size always gives the same rows, byte for
 * byte, because every value is a pure function of (table, row id) and of the fixed
 * {@link DemoTime#REFERENCE} instant.
 *
 * <p>
 * Contract: the whole load is one transaction on the given connection, and it does
 * nothing if sequence_state already has rows (checked under a transaction-scoped advisory
 * lock, so two instances started together do not both load). After the rows it moves
 * every identity past the loaded ids, so the application's own inserts get fresh ids, and
 * then runs VACUUM ANALYZE so the planner knows the new sizes and index-only scans work.
 *
 * <p>
 * Foreign keys are checked once per key after the COPYs instead of row by row (see
 * {@link #skipRowByRowForeignKeyChecks}); that is what makes a million states take
 * minutes instead of many.
 *
 * <p>
 * Traps: rows carry explicit ids 1..n (children refer to parents by computed ids), so the
 * identity reset is not optional; and the tables are written parents first, because the
 * foreign keys are checked row by row during COPY.
 */
public final class DemoDataGenerator {

	private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

	/**
	 * Arbitrary key for pg_advisory_xact_lock, shared by every instance of the loader.
	 */
	private static final long LOCK_KEY = 0x0DE3_0DA7AL;

	private final DemoStates states;

	private final List<TableRows> tables;

	public DemoDataGenerator(long states) {
		DemoDataShape shape = DemoDataShape.forStates(states);
		SequenceLayout layout = new SequenceLayout(shape.sequences());
		this.states = new DemoStates(shape, layout);
		this.tables = List.of(new AppUserRows(shape), new AccountRows(shape), new ProspectRows(shape),
				new SequenceRows(shape), new SequenceStepRows(shape, layout), new MailboxRows(shape),
				new OpportunityRows(shape), new BatchItemRows(shape), new SequenceStateRows(this.states),
				new MailingRows(this.states), new TaskRows(this.states), new CallRows(this.states));
	}

	/** The tables this generator fills, parents first. */
	List<Table<?>> tables() {
		return tables.stream().<Table<?>>map(TableRows::table).toList();
	}

	/**
	 * Loads the data set unless sequence_state has rows. Leaves the connection's
	 * auto-commit mode as it found it.
	 */
	public DemoDataLoad loadIfEmpty(Connection connection) throws SQLException {
		long start = System.nanoTime();
		DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		Map<String, Long> rows = new LinkedHashMap<>();
		try {
			dsl.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.inline(LOCK_KEY))).fetch();
			if (dsl.fetchExists(SEQUENCE_STATE)) {
				connection.rollback();
				log.info("demo data: {} already has rows, leaving the database as it is", SEQUENCE_STATE.getName());
				return new DemoDataLoad(false, Map.of(), elapsedSince(start));
			}
			DemoDataShape shape = states.shape();
			log.info(
					"demo data: loading {} sequence states ({} prospects, {} accounts, {} sequences with {} steps,"
							+ " {} users)",
					shape.states(), shape.prospects(), shape.accounts(), shape.sequences(),
					states.layout().totalSteps(), shape.users());
			boolean rowTriggersOff = skipRowByRowForeignKeyChecks(connection, dsl);
			var copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
			for (TableRows table : tables) {
				try (CopyWriter out = CopyWriter.start(copyManager, table.table(), table.columns())) {
					table.write(out);
					rows.put(table.table().getName(), out.finish());
				}
			}
			if (rowTriggersOff) {
				verifyForeignKeys(dsl);
			}
			for (TableRows table : tables) {
				restartIdentityAfterLoadedIds(dsl, table.table());
			}
			connection.commit();
		}
		catch (SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
		for (TableRows table : tables) {
			// VACUUM, not only ANALYZE: freshly copied rows are not yet marked
			// all-visible, and until
			// they are, index-only scans (totalCount, the keyset walks) fetch every heap
			// page.
			// jOOQ has no VACUUM statement; the template renders the generated table's
			// name.
			dsl.execute("vacuum (analyze) {0}", table.table());
		}
		DemoDataLoad load = new DemoDataLoad(true, Collections.unmodifiableMap(rows), elapsedSince(start));
		log.info("demo data: {} rows in {} s ({} rows/s)", load.totalRows(), load.duration().toMillis() / 1000.0,
				load.totalRows() * 1000 / Math.max(1, load.duration().toMillis()));
		return load;
	}

	/**
	 * PostgreSQL checks foreign keys with a trigger per row, queued until the end of each
	 * COPY: at a million states that is ~17 million single-row lookups, several minutes.
	 * With {@code session_replication_role = replica} those triggers do not fire; unique
	 * and check constraints still do. {@code set_config(.., true)} scopes this to the
	 * load's transaction, so the pooled connection is back to normal after commit or
	 * rollback. Needs superuser (or a GRANT SET on the parameter); without it the load
	 * just runs with the slow checks.
	 * @return true when the triggers are off and {@link #verifyForeignKeys} must run
	 */
	private static boolean skipRowByRowForeignKeyChecks(Connection connection, DSLContext dsl) throws SQLException {
		// A failed statement aborts the whole transaction; the savepoint keeps the lock
		// and the check.
		Savepoint beforeSetConfig = connection.setSavepoint();
		try {
			dsl.select(DSL.function("set_config", String.class, DSL.inline("session_replication_role"),
					DSL.inline("replica"), DSL.inline(true)))
				.fetch();
			return true;
		}
		catch (DataAccessException e) {
			if (!"42501".equals(e.sqlState())) {
				throw e;
			}
			log.info("demo data: not allowed to set session_replication_role, foreign keys are checked row by row"
					+ " (slower)");
			connection.rollback(beforeSetConfig);
			return false;
		}
	}

	/**
	 * What the skipped triggers would have checked, as one anti-join per foreign key
	 * (read from the generated jOOQ keys, so a new key is covered automatically). Throws,
	 * and so rolls the load back, if any row points at a missing parent.
	 */
	private void verifyForeignKeys(DSLContext dsl) {
		long start = System.nanoTime();
		for (TableRows rows : tables) {
			Table<?> table = rows.table();
			for (ForeignKey<?, ?> key : table.getReferences()) {
				if (key.getFields().size() != 1) {
					throw new IllegalStateException("multi-column foreign key " + key + " is not verified yet");
				}
				Field<Long> child = key.getFields().get(0).coerce(Long.class);
				Field<Long> parent = key.getKeyFields().get(0).coerce(Long.class);
				int orphans = dsl.fetchCount(DSL.selectOne()
					.from(table)
					.where(child.isNotNull())
					.andNotExists(DSL.selectOne().from(key.getKey().getTable()).where(parent.eq(child))));
				if (orphans > 0) {
					throw new IllegalStateException("demo data bug: " + orphans + " rows of " + table.getName() + "."
							+ child.getName() + " point at missing " + key.getKey().getTable().getName() + " rows");
				}
			}
		}
		log.info("demo data: foreign keys verified in {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * {@code setval(pg_get_serial_sequence(table, id), max(id))}: the next generated id
	 * is max + 1. jOOQ 3.19 cannot render
	 * {@code ALTER TABLE .. ALTER COLUMN .. RESTART WITH} for identity columns, so the
	 * sequence behind the identity is set with plain functions.
	 */
	private static void restartIdentityAfterLoadedIds(DSLContext dsl, Table<?> table) {
		Field<Long> id = table.getIdentity().getField().coerce(Long.class);
		dsl.select(
				DSL.function(
						"setval", Long.class, DSL.function("pg_get_serial_sequence", String.class,
								DSL.inline(table.getName()), DSL.inline(id.getName())),
						DSL.field(DSL.select(DSL.max(id)).from(table))))
			.fetch();
	}

	private static Duration elapsedSince(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos);
	}

}
