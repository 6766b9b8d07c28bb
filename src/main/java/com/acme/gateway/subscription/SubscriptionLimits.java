package com.acme.gateway.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;
import com.acme.gateway.graphql.LimitExceededException;
import com.acme.gateway.security.CurrentUser;
import com.acme.gateway.security.TokenExpiry;
import com.acme.gateway.sequencestatechange.SubscriptionsProperties;
import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Wraps the stream of every root field of {@code Subscription}, when the schema is built
 * (as {@link com.acme.gateway.security.ScopeGuard} wraps root fields), so that each
 * subscription, whatever its field or transport:
 * <ul>
 * <li>counts against its WebSocket connection's
 * {@code gateway.subscriptions.max-per-connection};</li>
 * <li>holds one of its user's {@code gateway.subscriptions.max-per-user} places, over all
 * instances ({@link SubscriptionLeases});</li>
 * <li>ends with one {@code UNAUTHENTICATED} error when the token it was opened with
 * expires: a stream outlives the request that checked its token.</li>
 * </ul>
 * A subscription over a limit fails alone with {@code LIMIT_EXCEEDED}; the connection and
 * its other subscriptions go on. Places are given back however the stream ends.
 *
 * <p>
 * Ordered first among the customizers, so that it wraps inside the scope check: a token
 * without the scope is told {@code FORBIDDEN} and takes no place.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SubscriptionLimits implements GraphQlSourceBuilderCustomizer, DisposableBean {

	/**
	 * Subscribes waiting for a lease thread, at most: far above any burst one instance
	 * serves, and bounded so that a flood cannot queue without end.
	 */
	private static final int QUEUED_LEASE_WORK = 100_000;

	static final String SUBSCRIPTION = "Subscription";

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionLimits.class);

	private final SubscriptionLeases leases;

	private final SubscriptionsProperties properties;

	/**
	 * Where leases are taken and given back:
	 * {@code gateway.subscriptions.lease-concurrency} threads, each holding at most one
	 * pool connection. On Reactor's shared elastic threads, a burst of 1,000 subscribes
	 * asked the 4-connection pool for up to 20 connections at once, queued on the user's
	 * advisory lock, and some gave up after the pool's wait with {@code UNAVAILABLE}
	 * (BENCHMARKS.md, "Subscriptions").
	 */
	private final Scheduler leaseWork;

	public SubscriptionLimits(SubscriptionLeases leases, SubscriptionsProperties properties) {
		this.leases = leases;
		this.properties = properties;
		this.leaseWork = Schedulers.newBoundedElastic(properties.leaseConcurrency(), QUEUED_LEASE_WORK,
				"subscription-leases");
	}

	@Override
	public void destroy() {
		this.leaseWork.dispose();
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.typeVisitors(List.of(new SubscriptionFieldVisitor()));
	}

	private Object limited(Publisher<?> stream, GraphQLContext context) {
		@Nullable CurrentUser user = context.get(CurrentUser.CONTEXT_KEY);
		if (user == null) {
			// Refused by the scope check, which needs a user; nothing to count.
			return stream;
		}
		@Nullable AtomicInteger connection = context.get(ConnectionSubscriptions.CONTEXT_KEY);
		@Nullable Instant expiresAt = context.get(TokenExpiry.CONTEXT_KEY);
		Flux<?> held = Flux
			.using(() -> this.leases.acquire(user.id()), lease -> lease.isPresent()
					? untilExpiry(Flux.from(stream), expiresAt)
					: Flux.error(new LimitExceededException("This user already has " + this.properties.maxPerUser()
							+ " open subscriptions (gateway.subscriptions.max-per-user);"
							+ " end one before opening another.")),
					this::release)
			// The lease is read and written with JDBC: off the transport's thread. The
			// client's later requests for more stay on their own thread: queued behind
			// other subscribes' leases, they would hold back this stream's deliveries.
			.subscribeOn(this.leaseWork, false);
		if (connection == null) {
			return held;
		}
		return Flux.using(connection::incrementAndGet, open -> (open <= this.properties.maxPerConnection()) ? held
				: Flux.error(
						new LimitExceededException("This connection already has " + this.properties.maxPerConnection()
								+ " open subscriptions (gateway.subscriptions.max-per-connection);"
								+ " end one or open another connection.")),
				open -> connection.decrementAndGet());
	}

	private void release(Optional<UUID> lease) {
		lease.ifPresent(id -> this.leaseWork.schedule(() -> {
			try {
				this.leases.release(id);
			}
			catch (RuntimeException ex) {
				// Not renewed any more, so it stops counting when it expires.
				logger.warn("Could not delete subscription lease {}: {}", id, ex.toString());
			}
		}));
	}

	/**
	 * The stream until {@code expiresAt}, then one {@code UNAUTHENTICATED} error;
	 * unchanged for a token without expiry.
	 */
	static <T> Flux<T> untilExpiry(Flux<T> stream, @Nullable Instant expiresAt) {
		if (expiresAt == null) {
			return stream;
		}
		Duration left = Duration.between(Instant.now(), expiresAt);
		AtomicBoolean expired = new AtomicBoolean();
		return stream
			.takeUntilOther(Mono.delay(left.isNegative() ? Duration.ZERO : left).doOnNext(tick -> expired.set(true)))
			.concatWith(Flux.defer(() -> expired.get()
					? Flux.error(new GatewayException(ErrorCode.UNAUTHENTICATED, "The token expired at " + expiresAt
							+ "; subscribe again with a new token (after the last cursor received to miss nothing)."))
					: Flux.empty()));
	}

	private final class SubscriptionFieldVisitor extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			if (context.getParentNode() instanceof GraphQLObjectType parent && SUBSCRIPTION.equals(parent.getName())
					&& !field.getName().startsWith("__")) {
				GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
				FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
				DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
				registry.dataFetcher(coordinates, limit(fetcher));
			}
			return TraversalControl.CONTINUE;
		}

		private DataFetcher<?> limit(DataFetcher<?> fetcher) {
			return environment -> {
				Object result = fetcher.get(environment);
				return (result instanceof Publisher<?> stream) ? limited(stream, environment.getGraphQlContext())
						: result;
			};
		}

	}

}
