package com.acme.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding {@code gateway.demo-data.*} the way Spring Boot does at start-up. */
class DemoDataPropertiesTests {

	@Test
	void bindsStatesAndExitAfterLoad() {
		DemoDataProperties properties = bind(Map.of("gateway.demo-data.states", "10000",
				"gateway.demo-data.exit-after-load", "true"));

		assertThat(properties).isEqualTo(new DemoDataProperties(10_000, true));
	}

	@Test
	void rejectsZeroStatesNamingTheProperty() {
		assertThatExceptionOfType(BindException.class)
				.isThrownBy(() -> bind(Map.of("gateway.demo-data.states", "0")))
				.havingRootCause()
				.withMessageContaining("gateway.demo-data.states must be a positive number");
	}

	@Test
	void rejectsStatesThatAreNotANumber() {
		assertThatExceptionOfType(BindException.class)
				.isThrownBy(() -> bind(Map.of("gateway.demo-data.states", "lots")))
				.withMessageContaining("gateway.demo-data.states");
	}

	private static DemoDataProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values))
				.bind("gateway.demo-data", DemoDataProperties.class)
				.get();
	}
}
