package com.acme.gateway.sequencestatechange;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds {@link SubscriptionsProperties} and runs the {@link ChangeLogRetention} job. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionsProperties.class)
@EnableScheduling
class SubscriptionsConfiguration {

}
