package com.acme.gateway.sequencestatechange;

import java.time.OffsetDateTime;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes the changes older than {@code gateway.subscriptions.retention}, hourly. */
@Component
public class ChangeLogRetention {

	private final SequenceStateChangeLog log;

	private final SubscriptionsProperties properties;

	public ChangeLogRetention(SequenceStateChangeLog log, SubscriptionsProperties properties) {
		this.log = log;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	public int deleteExpired() {
		return this.log.deleteChangedBefore(OffsetDateTime.now().minus(this.properties.retention()));
	}

}
