package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.ACCOUNT;
import static com.acme.gateway.database.generated.Tables.APP_USER;
import static com.acme.gateway.database.generated.Tables.MAILING;
import static com.acme.gateway.database.generated.Tables.PROSPECT;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STEP;
import static com.acme.gateway.database.generated.Tables.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.ForeignKey;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.acme.gateway.database.generated.DefaultSchema;
import com.acme.gateway.sequencestate.SequenceStateStatus;

/** Loads 2,000 states into a real, freshly migrated PostgreSQL database and checks the data. */
class DemoDataGeneratorIntegrationTests {

	private static final int STATES = 2000;
	private static final List<SequenceStateStatus> LIVE = List.of(SequenceStateStatus.PENDING, SequenceStateStatus.ACTIVE,
			SequenceStateStatus.PAUSED);
	private static final OffsetDateTime REFERENCE = DemoTime.REFERENCE.atOffset(ZoneOffset.UTC);

	private static TestDatabase database;
	private static Connection connection;
	private static DSLContext dsl;

	@BeforeAll
	static void loadDemoData() throws Exception {
		database = TestDatabase.createWithSchema();
		connection = database.connect();
		dsl = DSL.using(connection, SQLDialect.POSTGRES);
		DemoDataLoad load = new DemoDataGenerator(STATES).loadIfEmpty(connection);
		assertThat(load.loaded()).isTrue();
		assertThat(load.rows()).containsEntry(SEQUENCE_STATE.getName(), (long) STATES);
	}

	@AfterAll
	static void dropDatabase() throws Exception {
		if (connection != null) {
			connection.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	void generatesSameRowsForSameSize() throws Exception {
		Map<String, String> first = checksums();
		dsl.truncate(tablesInLoadOrder()).restartIdentity().cascade().execute();

		assertThat(new DemoDataGenerator(STATES).loadIfEmpty(connection).loaded()).isTrue();

		assertThat(checksums()).isEqualTo(first);
	}

	@Test
	void leavesDatabaseWithStatesAlone() throws Exception {
		Map<String, String> before = checksums();

		DemoDataLoad load = new DemoDataGenerator(STATES).loadIfEmpty(connection);

		assertThat(load.loaded()).isFalse();
		assertThat(checksums()).isEqualTo(before);
	}

	@Test
	void coversEveryStatus() {
		assertThat(dsl.selectDistinct(SEQUENCE_STATE.STATE).from(SEQUENCE_STATE).fetch(SEQUENCE_STATE.STATE))
				.extracting(SequenceStateStatus::databaseValue)
				.containsExactlyInAnyOrder(DemoStates.STATUSES);
	}

	@Test
	void keepsAtMostOneLiveStatePerProspectAndSequence() {
		assertThat(dsl.selectCount().from(dsl
						.select(SEQUENCE_STATE.PROSPECT_ID, SEQUENCE_STATE.SEQUENCE_ID)
						.from(SEQUENCE_STATE)
						.where(SEQUENCE_STATE.STATE.in(LIVE))
						.groupBy(SEQUENCE_STATE.PROSPECT_ID, SEQUENCE_STATE.SEQUENCE_ID)
						.having(DSL.count().gt(1)))
				.fetchOne(0, Integer.class))
				.isZero();
	}

	@Test
	void referencesOnlyExistingRows() {
		for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
			for (ForeignKey<?, ?> key : table.getReferences()) {
				@SuppressWarnings("unchecked")
				TableField<?, Long> child = (TableField<?, Long>) key.getFields().get(0);
				@SuppressWarnings("unchecked")
				TableField<?, Long> parent = (TableField<?, Long>) key.getKeyFields().get(0);
				int orphans = dsl.fetchCount(DSL.selectFrom(table)
						.where(child.isNotNull())
						.andNotExists(DSL.selectOne().from(key.getKey().getTable()).where(parent.eq(child))));
				assertThat(orphans).as("%s.%s without parent", table.getName(), child.getName()).isZero();
			}
		}
	}

	@Test
	void pointsEveryStateAtItsProspectsAccount() {
		assertThat(dsl.fetchCount(SEQUENCE_STATE.join(PROSPECT).on(PROSPECT.ID.eq(SEQUENCE_STATE.PROSPECT_ID)),
				SEQUENCE_STATE.ACCOUNT_ID.isDistinctFrom(PROSPECT.ACCOUNT_ID).or(SEQUENCE_STATE.ACCOUNT_ID.isNull())))
				.isZero();
		assertThat(dsl.fetchCount(PROSPECT, PROSPECT.ACCOUNT_ID.isNull())).isZero();
	}

	@Test
	void picksCurrentStepFromTheStatesSequence() {
		assertThat(dsl.fetchCount(SEQUENCE_STATE, SEQUENCE_STATE.SEQUENCE_STEP_ID.isNull())).isZero();
		assertThat(dsl.fetchCount(SEQUENCE_STATE.join(SEQUENCE_STEP).on(SEQUENCE_STEP.ID.eq(SEQUENCE_STATE.SEQUENCE_STEP_ID)),
				SEQUENCE_STEP.SEQUENCE_ID.ne(SEQUENCE_STATE.SEQUENCE_ID)))
				.isZero();
		assertThat(dsl.fetchCount(MAILING.join(SEQUENCE_STATE).on(SEQUENCE_STATE.ID.eq(MAILING.SEQUENCE_STATE_ID))
						.join(SEQUENCE_STEP).on(SEQUENCE_STEP.ID.eq(MAILING.SEQUENCE_STEP_ID)),
				SEQUENCE_STEP.SEQUENCE_ID.ne(SEQUENCE_STATE.SEQUENCE_ID)))
				.isZero();
	}

	@Test
	void givesSomeStatesActiveStepMailingsAndTasks() {
		int activeStepMailings = dsl.fetchCount(MAILING.join(SEQUENCE_STATE).on(SEQUENCE_STATE.ID.eq(MAILING.SEQUENCE_STATE_ID)),
				MAILING.SEQUENCE_STEP_ID.eq(SEQUENCE_STATE.SEQUENCE_STEP_ID).and(MAILING.DELIVERED_AT.isNull()));
		int activeStepTasks = dsl.fetchCount(TASK.join(SEQUENCE_STATE).on(SEQUENCE_STATE.ID.eq(TASK.SEQUENCE_STATE_ID)),
				TASK.SEQUENCE_STEP_ID.eq(SEQUENCE_STATE.SEQUENCE_STEP_ID).and(TASK.STATE.eq("incomplete")));

		assertThat(activeStepMailings).isBetween(STATES / 10, STATES);
		assertThat(activeStepTasks).isBetween(STATES / 20, STATES);
	}

	@Test
	void keepsTimestampsAndCountersPlausible() {
		var s = SEQUENCE_STATE;
		assertThat(dsl.fetchCount(s, s.UPDATED_AT.lt(s.CREATED_AT)
				.or(s.STATE_CHANGED_AT.lt(s.CREATED_AT))
				.or(s.UPDATED_AT.gt(REFERENCE))
				.or(s.DELIVER_COUNT.lt(s.OPEN_COUNT))
				.or(s.OPEN_COUNT.lt(s.CLICK_COUNT))
				.or(s.REPLY_COUNT.ne(s.POSITIVE_REPLY_COUNT.plus(s.NEUTRAL_REPLY_COUNT).plus(s.NEGATIVE_REPLY_COUNT)))))
				.isZero();
		assertThat(dsl.fetchCount(s, s.ACTIVE_AT.isNull().eq(s.STATE.in(SequenceStateStatus.ACTIVE, SequenceStateStatus.PAUSED, SequenceStateStatus.FINISHED)))).isZero();
		assertThat(dsl.fetchCount(s, s.PAUSE_REASON.isNull().eq(s.STATE.eq(SequenceStateStatus.PAUSED)))).isZero();
		assertThat(dsl.fetchCount(s, s.ERROR_REASON.isNull().eq(s.STATE.eq(SequenceStateStatus.FAILED)))).isZero();
		assertThat(dsl.fetchCount(s, s.CREATED_AT.lt(REFERENCE.minusYears(2).minusDays(1)))).isZero();
	}

	@Test
	void storesOneToThreeLowerCaseEmailsPerProspect() {
		List<String[]> emails = dsl.select(PROSPECT.EMAILS).from(PROSPECT).fetch(PROSPECT.EMAILS);

		assertThat(emails).hasSize((int) DemoDataShape.forStates(STATES).prospects());
		assertThat(emails).allSatisfy(list -> {
			assertThat(list.length).isBetween(1, 3);
			assertThat(list).allMatch(email -> email.equals(email.toLowerCase(Locale.ROOT)) && email.contains("@"));
		});
	}

	@Test
	void movesIdentitiesPastLoadedIds() {
		long users = dsl.fetchCount(APP_USER);
		Long id = dsl.insertInto(APP_USER, APP_USER.EMAIL).values("identity-check@acme-demo.example")
				.returning(APP_USER.ID).fetchOne(APP_USER.ID);
		try {
			assertThat(id).isEqualTo(users + 1);
		} finally {
			dsl.deleteFrom(APP_USER).where(APP_USER.ID.eq(id)).execute();
		}
		assertThat(dsl.fetchCount(ACCOUNT)).isPositive();
	}

	private static List<Table<?>> tablesInLoadOrder() {
		return new DemoDataGenerator(STATES).tables();
	}

	/** Per table: row count and SHA-256 over all rows ordered by id, as PostgreSQL returns them. */
	private static Map<String, String> checksums() throws NoSuchAlgorithmException {
		Map<String, String> checksums = new LinkedHashMap<>();
		for (Table<?> table : tablesInLoadOrder()) {
			var rows = dsl.selectFrom(table).orderBy(table.getIdentity().getField()).fetch();
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(rows.formatCSV().getBytes(StandardCharsets.UTF_8));
			checksums.put(table.getName(), rows.size() + " rows " + HexFormat.of().formatHex(digest));
		}
		return checksums;
	}
}
