package com.acme.gateway.ratelimit;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Per-user rate limits, shared by every instance through PostgreSQL; switched off with
 * {@code gateway.rate-limit.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
public class RateLimitConfiguration {

	/**
	 * Bucket4j's {@code select … for update} proxy manager rather than its advisory-lock
	 * one: a charge is three statements on one connection (the row lock and read, with
	 * the BEGIN sent along; the update; the commit) against four for the advisory lock,
	 * which takes the lock in a statement of its own before the same read, update and
	 * commit.
	 */
	@Bean
	ProxyManager<Long> rateLimitBuckets(DataSource dataSource) {
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).table("rate_limit_bucket").build();
	}

	@Bean
	UserBudgets userBudgets(ProxyManager<Long> rateLimitBuckets, RateLimitProperties properties) {
		return new UserBudgets(rateLimitBuckets, properties, Clock.systemUTC());
	}

	/** First of all interceptors: it must see the requests that the others refuse. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebGraphQlInterceptor rateLimitInterceptor(UserBudgets userBudgets, RateLimitProperties properties) {
		return new RateLimitInterceptor(userBudgets, properties.failOpen());
	}

}
