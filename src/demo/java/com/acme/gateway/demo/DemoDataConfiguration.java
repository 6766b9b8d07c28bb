package com.acme.gateway.demo;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the {@link DemoDataRunner} only when {@code gateway.demo-data.states} is set,
 * so a production start-up never touches the loader (not even to bind its properties).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "gateway.demo-data", name = "states")
@EnableConfigurationProperties(DemoDataProperties.class)
public class DemoDataConfiguration {

	@Bean
	DemoDataRunner demoDataRunner(DemoDataProperties properties, DataSource dataSource,
			ConfigurableApplicationContext context) {
		return new DemoDataRunner(properties, dataSource, context);
	}

}
