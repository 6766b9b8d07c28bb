package com.acme.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.gateway.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The GraphQL observations cost small queries a fifth to two fifths of their throughput
 * (BENCHMARKS.md, "Variants"), so the default configuration leaves them out.
 */
class GraphQlObservationsOffByDefaultIntegrationTests extends IntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void recordsNoGraphQlObservationByDefault() {
		postAsAdmin("{\"query\":\"query NotObserved { sequenceStates(first: 1) { totalCount } }\"}").expectStatus()
			.isOk();
		assertThat(this.meters.find("graphql.request").timers()).isEmpty();
		assertThat(this.meters.find("graphql.datafetcher").timers()).isEmpty();
		// The request itself is still timed by the HTTP server's observation.
		assertThat(this.meters.find("http.server.requests").timers()).isNotEmpty();
	}

}
