package com.acme.gateway.sequencestatechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.acme.gateway.filter.FilterLimits;
import com.acme.gateway.graphql.LimitExceededException;
import com.acme.gateway.sequencestate.SequenceStateConditions;
import com.acme.gateway.sequencestate.SequenceStateStatus;
import com.acme.gateway.support.Fixtures;
import com.acme.gateway.support.IntegrationTest;
import org.jooq.Condition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link InMemoryStateFilter} against the SQL of {@link SequenceStateConditions}, which
 * it must agree with: generated states (nulls, ties and edges included) and a few
 * thousand generated filters, each evaluated by PostgreSQL against the change log and in
 * memory against the same changes. Seeded: a failure names the seed and the filter.
 */
class InMemoryStateFilterIntegrationTests extends IntegrationTest {

	private static final long SEED = 20261207L;

	private static final int STATES = 40;

	private static final int FILTERS = 3_000;

	private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

	/** The instants the states hold: the same few, so that ties and bounds meet. */
	private static final List<OffsetDateTime> INSTANTS = List.of(T0, T0.plusNanos(1_000), T0.plusDays(1),
			T0.minusYears(1), T0.plusSeconds(3_600));

	private static final List<String> TEXTS = List.of("holiday", "Holiday", "bounced", "");

	@Autowired
	private SequenceStateChangeLog log;

	private final Random random = new Random(SEED);

	private Fixtures.World world;

	private long opportunity;

	private List<Long> prospects = new ArrayList<>();

	private List<Long> ids = new ArrayList<>();

	@Test
	void agreesWithSqlOnGeneratedFiltersAndStates() throws Exception {
		this.world = this.fixtures.world();
		this.opportunity = this.fixtures.opportunity("Renewal", this.world.account());
		ChangePosition start = this.log.settledEnd();
		for (int i = 0; i < STATES; i++) {
			long prospect = this.fixtures.prospect(this.world.account(), "P", "No" + i, "p" + i + "@acme.example");
			this.prospects.add(prospect);
			this.ids.add(this.fixtures.state(prospect, this.world.sequence(), row -> {
				row.setState(pick(SequenceStateStatus.values()));
				row.setReplyCount(this.random.nextInt(4));
				row.setOpenCount(this.random.nextInt(4));
				row.setBounceCount(this.random.nextInt(2));
				row.setActiveAt(maybe(() -> pick(INSTANTS)));
				row.setRepliedAt(maybe(() -> pick(INSTANTS)));
				row.setCreatedAt(pick(INSTANTS));
				row.setPauseReason(maybe(() -> pick(TEXTS)));
				row.setErrorReason(maybe(() -> pick(TEXTS)));
				row.setAccountId(maybe(this.world::account));
				row.setMailboxId(maybe(this.world::mailbox));
				row.setOpportunityId(maybe(() -> this.opportunity));
				row.setSequenceStepId(
						maybe(() -> this.random.nextBoolean() ? this.world.firstStep() : this.world.secondStep()));
			}));
		}
		List<SequenceStateChange> changes = readAll(start);
		assertThat(changes).hasSize(STATES);
		List<ChangePosition> positions = changes.stream().map(SequenceStateChange::position).toList();

		List<Map<String, Object>> filters = new ArrayList<>();
		List<Condition> conditions = new ArrayList<>();
		List<InMemoryStateFilter> inMemory = new ArrayList<>();
		int needSql = 0;
		while (filters.size() < FILTERS) {
			Map<String, Object> filter = filter(0);
			Condition condition;
			try {
				condition = SequenceStateConditions.of(filter, FilterLimits.DEFAULTS);
			}
			catch (LimitExceededException ex) {
				continue;
			}
			Optional<InMemoryStateFilter> compiled = InMemoryStateFilter.compile(filter);
			if (compiled.isEmpty()) {
				needSql++;
				continue;
			}
			filters.add(filter);
			conditions.add(condition);
			inMemory.add(compiled.get());
		}
		List<Set<Long>> bySql = this.log.findMatchingEach(positions, conditions);

		int matchedSome = 0;
		for (int i = 0; i < FILTERS; i++) {
			InMemoryStateFilter compiled = inMemory.get(i);
			Set<Long> byMemory = changes.stream()
				.filter(change -> compiled.matches(change.row()))
				.map(change -> change.position().position())
				.collect(Collectors.toSet());
			assertThat(byMemory).as("seed %d, filter %d: %s", SEED, i, filters.get(i)).isEqualTo(bySql.get(i));
			if (!byMemory.isEmpty() && byMemory.size() < STATES) {
				matchedSome++;
			}
		}
		// Not vacuous: most filters split the states, and the generator also made shapes
		// that SQL must answer.
		assertThat(matchedSome).as("filters matching some but not all states").isGreaterThan(FILTERS / 3);
		assertThat(needSql).as("generated filters left to SQL").isPositive();
	}

	@Test
	void leavesShapesThatNeedTheDatabaseOrItsRoundingToSql() {
		assertThat(InMemoryStateFilter.compile(Map.of("sequence", Map.of("name", Map.of("eq", "Outreach")))))
			.as("a related row's attribute")
			.isEmpty();
		assertThat(InMemoryStateFilter.compile(Map.of("tasks", Map.of("id", Map.of("eq", "1"))))).as("a to-many link")
			.isEmpty();
		assertThat(InMemoryStateFilter.compile(Map.of("pauseReason", Map.of("contains", "hol")))).as("case-folded text")
			.isEmpty();
		assertThat(InMemoryStateFilter.compile(Map.of("pauseReason", Map.of("gt", "a"))))
			.as("text order, which is the collation's")
			.isEmpty();
		assertThat(InMemoryStateFilter.compile(Map.of("activeAt", Map.of("gt", T0.plusNanos(1)))))
			.as("a DateTime finer than a microsecond")
			.isEmpty();
		assertThat(InMemoryStateFilter.compile(Map.of("or",
				List.of(Map.of("state", Map.of("eq", "ACTIVE")),
						Map.of("prospect", Map.of("emails", Map.of("has", "p1@acme.example")))))))
			.as("one branch needing SQL")
			.isEmpty();
		assertThat(InMemoryStateFilter.compile(Map.of("prospect", Map.of("id", Map.of("eq", "7"))))).isPresent();
	}

	private Map<String, Object> filter(int depth) {
		Map<String, Object> filter = new LinkedHashMap<>();
		int entries = this.random.nextInt(depth == 0 ? 3 : 2) + (depth == 0 ? 1 : 0);
		for (int i = 0; i < entries; i++) {
			int kind = this.random.nextInt(depth < 3 ? 12 : 9);
			switch (kind) {
				case 0 -> filter.put("id", idOperators(this.ids));
				case 1 -> filter.put("state", enumOperators());
				case 2 -> filter.put(pick(List.of("replyCount", "openCount", "bounceCount")), intOperators());
				case 3 -> filter.put(pick(List.of("activeAt", "repliedAt", "createdAt")), dateOperators());
				case 4 -> filter.put(pick(List.of("pauseReason", "errorReason")), textOperators());
				case 5 -> filter.put(pick(List.of("account", "mailbox", "opportunity", "sequenceStep")),
						Map.of("id", idOperators(List.of(this.world.account(), this.world.mailbox(), this.opportunity,
								this.world.firstStep(), this.world.secondStep()))));
				case 6 -> filter.put("prospect", Map.of("id", idOperators(this.prospects)));
				case 7 -> filter.put("sequence", this.random.nextInt(4) == 0 ? Map.of("name", Map.of("eq", "Outreach"))
						: Map.of("id", idOperators(List.of(this.world.sequence(), this.world.sequence() + 1))));
				case 8 -> filter.put("replyCount", Map.of());
				case 9 -> filter.put("and", children(depth));
				case 10 -> filter.put("or", children(depth));
				default -> filter.put("not", filter(depth + 1));
			}
		}
		return filter;
	}

	private List<Map<String, Object>> children(int depth) {
		List<Map<String, Object>> children = new ArrayList<>();
		int count = this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			children.add(filter(depth + 1));
		}
		return children;
	}

	private Map<String, Object> idOperators(List<Long> values) {
		Supplier<Object> value = () -> Long.toString(Math.max(1, pick(values) + this.random.nextInt(3) - 1));
		return comparableOperators(value, List.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "notIn", "isNull"));
	}

	private Map<String, Object> intOperators() {
		return comparableOperators(() -> this.random.nextInt(5) - 1,
				List.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "notIn", "isNull"));
	}

	private Map<String, Object> dateOperators() {
		return comparableOperators(() -> pick(INSTANTS).plusNanos(1_000L * (this.random.nextInt(3) - 1)),
				List.of("eq", "ne", "gt", "gte", "lt", "lte", "isNull"));
	}

	private Map<String, Object> textOperators() {
		return comparableOperators(() -> pick(TEXTS), List.of("eq", "ne", "in", "notIn", "isNull"));
	}

	private Map<String, Object> enumOperators() {
		Supplier<Object> value = () -> pick(SequenceStateStatus.values()).name();
		return comparableOperators(value, List.of("eq", "ne", "in", "notIn"));
	}

	/** One or two operators, lists of zero to three values. */
	private Map<String, Object> comparableOperators(Supplier<Object> value, List<String> operators) {
		Map<String, Object> result = new LinkedHashMap<>();
		int count = 1 + this.random.nextInt(2);
		for (int i = 0; i < count; i++) {
			String operator = pick(operators);
			result.put(operator, switch (operator) {
				case "in", "notIn" -> {
					List<Object> values = new ArrayList<>();
					int size = this.random.nextInt(4);
					for (int j = 0; j < size; j++) {
						values.add(value.get());
					}
					yield values;
				}
				case "isNull" -> this.random.nextBoolean();
				default -> value.get();
			});
		}
		return result;
	}

	private List<SequenceStateChange> readAll(ChangePosition start) throws InterruptedException {
		List<SequenceStateChange> changes = new ArrayList<>();
		ChangePosition cursor = start;
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (changes.size() < STATES && System.nanoTime() < deadline) {
			List<SequenceStateChange> read = this.log.findSettledAfter(cursor, 1_000);
			if (read.isEmpty()) {
				Thread.sleep(20);
				continue;
			}
			changes.addAll(read);
			cursor = read.get(read.size() - 1).position();
		}
		return changes;
	}

	private <T> T maybe(Supplier<T> value) {
		return this.random.nextInt(3) == 0 ? null : value.get();
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
