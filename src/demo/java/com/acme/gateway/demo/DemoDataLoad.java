package com.acme.gateway.demo;

import java.time.Duration;
import java.util.Map;

/**
 * What one call of {@link DemoDataGenerator#loadIfEmpty} did.
 *
 * @param loaded false when sequence_state already had rows and nothing was written
 * @param rows rows written per table name, in load order (empty when not loaded)
 * @param duration wall time including identity reset and ANALYZE
 */
public record DemoDataLoad(boolean loaded, Map<String, Long> rows, Duration duration) {

	public long totalRows() {
		return rows.values().stream().mapToLong(Long::longValue).sum();
	}
}
