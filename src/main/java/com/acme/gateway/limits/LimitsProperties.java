package com.acme.gateway.limits;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code gateway.limits.*}: how much work one request may ask for. Every limit but the
 * statement timeout is checked before any SQL runs.
 *
 * @param maxDepth deepest field nesting ({@code sequenceStates → edges → node → … }) a
 * document may have
 * @param maxCost largest {@link QueryCost} of an operation: about the number of objects
 * it can return
 * @param listSizes assumed number of elements of a to-many list field, by field name, for
 * the cost
 * @param defaultListSize assumed number of elements of any other list field
 * @param maxAliases most aliased fields an operation may contain
 * @param maxDocumentSize largest query text accepted, checked before parsing
 * @param statementTimeout longest any single SQL statement of a request may run before
 * PostgreSQL cancels it
 */
@ConfigurationProperties("gateway.limits")
public record LimitsProperties(@DefaultValue("12") int maxDepth, @DefaultValue("20000") int maxCost,
		Map<String, Integer> listSizes, @DefaultValue("10") int defaultListSize, @DefaultValue("30") int maxAliases,
		@DefaultValue("32KB") DataSize maxDocumentSize, @DefaultValue("5s") Duration statementTimeout) {

	/**
	 * Mailings pile up over a state's steps; tasks and calls less so; the active step has
	 * one or two of each.
	 */
	static final Map<String, Integer> DEFAULT_LIST_SIZES = Map.of("mailings", 20, "tasks", 10, "calls", 10,
			"activeStepMailings", 2, "activeStepTasks", 2);

	public LimitsProperties {
		listSizes = (listSizes == null || listSizes.isEmpty()) ? DEFAULT_LIST_SIZES : Map.copyOf(listSizes);
	}

	public int listSize(String fieldName) {
		return this.listSizes.getOrDefault(fieldName, this.defaultListSize);
	}

	/**
	 * The timeout as people write it: {@code 5s}, or {@code 1500ms} when not whole
	 * seconds.
	 */
	public String statementTimeoutText() {
		long millis = this.statementTimeout.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
