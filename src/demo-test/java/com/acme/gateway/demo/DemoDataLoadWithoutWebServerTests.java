package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

import com.acme.gateway.GatewayApplication;

/**
 * The benchmark data set is loaded by the application itself with no web server (README,
 * "Deploying"): that start must need neither a port nor a token issuer, which only guard HTTP.
 */
class DemoDataLoadWithoutWebServerTests {

	@Test
	void loadsDemoDataWithoutAWebServerOrATokenIssuer() throws Exception {
		try (TestDatabase database = TestDatabase.createWithSchema()) {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
				.web(WebApplicationType.NONE)
				.run("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
						"--spring.datasource.password=" + database.password(), "--gateway.demo-data.states=50",
						"--gateway.security.jwt-secret=")) {
				assertThat(context.getBeanProvider(SecurityFilterChain.class).getIfAvailable()).isNull();
			}
			try (Connection connection = database.connect()) {
				assertThat(DSL.using(connection, SQLDialect.POSTGRES).fetchCount(SEQUENCE_STATE)).isEqualTo(50);
			}
		}
	}

}
