package com.acme.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.gateway.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spring for GraphQL's observations are on, as timers an operator can read per operation.
 */
class GraphQlObservationsIntegrationTests extends IntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void timesEachRequestUnderItsOperationName() {
		long before = requestCount("CountStatesForObservations");
		postAsAdmin("{\"query\":\"query CountStatesForObservations { sequenceStates(first: 1) { totalCount } }\"}")
			.expectStatus()
			.isOk();
		assertThat(requestCount("CountStatesForObservations")).isEqualTo(before + 1);
	}

	@Test
	void timesAnUnnamedRequestAsAnonymous() {
		long before = requestCount(BoundedOperationNames.ANONYMOUS);
		postAsAdmin("{\"query\":\"{ sequenceStates(first: 1) { totalCount } }\"}").expectStatus().isOk();
		assertThat(requestCount(BoundedOperationNames.ANONYMOUS)).isEqualTo(before + 1);
	}

	@Test
	void timesTheRootFieldsDataFetcherAndTheBatchLoaders() {
		long stateId = this.fixtures.fullyLinkedState(this.fixtures.world(), row -> {
		});
		this.fixtures.mailing(stateId, null, "delivered", null);
		long fetches = count(
				this.meters.find("graphql.datafetcher").tag("graphql.field.name", "sequenceStates").timer());
		long loads = this.meters.find("graphql.dataloader").timers().stream().mapToLong(Timer::count).sum();

		postAsAdmin("{\"query\":\"{ sequenceStates(first: 5) { edges { node { id mailings { id } } } } }\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.sequenceStates.edges[0].node.mailings[0].id")
			.exists();

		assertThat(count(this.meters.find("graphql.datafetcher").tag("graphql.field.name", "sequenceStates").timer()))
			.isEqualTo(fetches + 1);
		assertThat(this.meters.find("graphql.dataloader").timers().stream().mapToLong(Timer::count).sum())
			.isGreaterThan(loads);
	}

	private long requestCount(String operationName) {
		return count(this.meters.find("graphql.request")
			.tag(OperationNameObservationConvention.OPERATION_NAME, operationName)
			.timer());
	}

	private static long count(Timer timer) {
		return (timer != null) ? timer.count() : 0;
	}

}
