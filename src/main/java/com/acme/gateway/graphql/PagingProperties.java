package com.acme.gateway.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Page sizes of every connection ({@code gateway.paging.*}).
 *
 * @param defaultSize rows returned when neither {@code first} nor {@code last} is given
 * @param maxSize the largest {@code first} or {@code last} accepted
 */
@ConfigurationProperties("gateway.paging")
public record PagingProperties(@DefaultValue("50") int defaultSize, @DefaultValue("1000") int maxSize) {

	public PagingProperties {
		if (defaultSize < 1 || maxSize < defaultSize) {
			throw new IllegalArgumentException("gateway.paging needs 1 <= default-size <= max-size, got %d and %d"
				.formatted(defaultSize, maxSize));
		}
	}

}
