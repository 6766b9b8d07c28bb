package com.acme.gateway.subscription;

import com.acme.gateway.sequencestatechange.SubscriptionsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Renews this instance's leases every third of
 * {@code gateway.subscriptions.lease-duration}: two renewals can fail (the database
 * briefly away) before a lease of an open subscription expires.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SubscriptionLeaseRenewal implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionLeaseRenewal.class);

	private final SubscriptionLeases leases;

	private final SubscriptionsProperties properties;

	SubscriptionLeaseRenewal(SubscriptionLeases leases, SubscriptionsProperties properties) {
		this.leases = leases;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::renew, this.properties.leaseDuration().dividedBy(3));
	}

	private void renew() {
		try {
			this.leases.renew();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew {} subscription leases: {}", this.leases.heldCount(), ex.toString());
		}
	}

}
