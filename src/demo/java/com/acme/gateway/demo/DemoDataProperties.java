package com.acme.gateway.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.demo-data.*}: whether to fill an empty database with demo data at
 * start-up.
 *
 * <p>
 * The loader is only created when {@code gateway.demo-data.states} is set; it must then
 * be a positive integer, and a wrong value stops start-up with a message naming the
 * property (rather than, say, silently loading nothing).
 *
 * @param states number of sequence states to generate (related tables scale with it)
 * @param exitAfterLoad stop the application once the data is in (or was already there),
 * e.g. to prepare a benchmark database
 */
@ConfigurationProperties("gateway.demo-data")
public record DemoDataProperties(Integer states, boolean exitAfterLoad) {

	public DemoDataProperties {
		if (states != null && states < 1) {
			throw new IllegalArgumentException(
					"gateway.demo-data.states must be a positive number of sequence states, got " + states);
		}
	}
}
