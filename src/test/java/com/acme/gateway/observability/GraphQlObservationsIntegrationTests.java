package com.acme.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.acme.gateway.GatewayApplication;
import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestDatabase;
import com.acme.gateway.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring for GraphQL's observations, switched on as README "Traces and metrics" says
 * (they are off by default), as timers an operator can read per operation. The gateway
 * runs as a plain application with the switch on its command line, beside the tests' own
 * context.
 */
class GraphQlObservationsIntegrationTests extends IntegrationTest {

	private static ConfigurableApplicationContext observed;

	private static MeterRegistry meters;

	private static int port;

	@BeforeAll
	static void startWithObservationsOn() {
		TestDatabase database = TestDatabase.get();
		observed = new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--spring.liquibase.enabled=false",
				"--gateway.security.jwt-secret=" + TestTokens.SECRET, "--gateway.rate-limit.enabled=false",
				"--spring.autoconfigure.exclude=");
		meters = observed.getBean(MeterRegistry.class);
		port = observed.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterAll
	static void stop() {
		observed.close();
	}

	@Test
	void timesEachRequestUnderItsOperationName() throws Exception {
		long before = requestCount("CountStatesForObservations");
		post("query CountStatesForObservations { sequenceStates(first: 1) { totalCount } }");
		assertThat(requestCount("CountStatesForObservations")).isEqualTo(before + 1);
	}

	@Test
	void timesAnUnnamedRequestAsAnonymous() throws Exception {
		long before = requestCount(BoundedOperationNames.ANONYMOUS);
		post("{ sequenceStates(first: 1) { totalCount } }");
		assertThat(requestCount(BoundedOperationNames.ANONYMOUS)).isEqualTo(before + 1);
	}

	@Test
	void timesTheRootFieldsDataFetcherAndTheBatchLoaders() throws Exception {
		long stateId = this.fixtures.fullyLinkedState(this.fixtures.world(), row -> {
		});
		this.fixtures.mailing(stateId, null, "delivered", null);
		long fetches = count(meters.find("graphql.datafetcher").tag("graphql.field.name", "sequenceStates").timer());
		long loads = meters.find("graphql.dataloader").timers().stream().mapToLong(Timer::count).sum();

		String answer = post("{ sequenceStates(first: 5) { edges { node { id mailings { id } } } } }");

		assertThat(answer).contains("\"mailings\":[{\"id\":");
		assertThat(count(meters.find("graphql.datafetcher").tag("graphql.field.name", "sequenceStates").timer()))
			.isEqualTo(fetches + 1);
		assertThat(meters.find("graphql.dataloader").timers().stream().mapToLong(Timer::count).sum())
			.isGreaterThan(loads);
	}

	private String post(String document) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + TestTokens.forUser(this.adminId, TestTokens.ALL))
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + document.replace("\"", "\\\"") + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).doesNotContain("\"errors\"");
		return answer.body();
	}

	private static long requestCount(String operationName) {
		return count(meters.find("graphql.request")
			.tag(OperationNameObservationConvention.OPERATION_NAME, operationName)
			.timer());
	}

	private static long count(Timer timer) {
		return (timer != null) ? timer.count() : 0;
	}

}
