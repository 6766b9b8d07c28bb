package com.acme.gateway.subscription;

import static com.acme.gateway.database.generated.Tables.SUBSCRIPTION_LEASE;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.acme.gateway.sequencestatechange.SubscriptionsProperties;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open subscriptions of every instance, one row each in {@code subscription_lease},
 * so that a user's limit holds over all instances, which share nothing but PostgreSQL.
 *
 * <p>
 * A lease is taken when a subscription starts, renewed by its instance every third of
 * {@code gateway.subscriptions.lease-duration} ({@link #renew}, one statement for all of
 * the instance's leases) and deleted when the subscription ends. An instance that dies
 * without deleting its leases stops holding them once they expire; so does a lease whose
 * delete failed, as only the leases of open subscriptions are renewed.
 */
@Repository
public class SubscriptionLeases {

	/**
	 * This instance's leases; a restarted instance is a new holder, its predecessor's
	 * rows expire.
	 */
	private final UUID instanceId = UUID.randomUUID();

	/** The leases of this instance's open subscriptions: only these are renewed. */
	private final Set<UUID> held = ConcurrentHashMap.newKeySet();

	private final DSLContext dsl;

	private final SubscriptionsProperties properties;

	public SubscriptionLeases(DSLContext dsl, SubscriptionsProperties properties) {
		this.dsl = dsl;
		this.properties = properties;
	}

	/**
	 * A new lease for one of {@code userId}'s subscriptions, or empty when the user
	 * already holds {@code gateway.subscriptions.max-per-user} live ones. Subscribes of
	 * the same user, on any instance, take their turn on a transaction-scoped advisory
	 * lock, so two of them cannot both count the last free place.
	 */
	@Transactional
	public Optional<UUID> acquire(long userId) {
		this.dsl
			.select(DSL.field("pg_advisory_xact_lock(hashtextextended('subscription_lease', {0}))", Object.class,
					DSL.val(userId)))
			.fetch();
		this.dsl.deleteFrom(SUBSCRIPTION_LEASE)
			.where(SUBSCRIPTION_LEASE.USER_ID.eq(userId))
			.and(SUBSCRIPTION_LEASE.EXPIRES_AT.lt(DSL.currentOffsetDateTime()))
			.execute();
		int held = this.dsl.fetchCount(SUBSCRIPTION_LEASE, SUBSCRIPTION_LEASE.USER_ID.eq(userId));
		if (held >= this.properties.maxPerUser()) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		this.dsl.insertInto(SUBSCRIPTION_LEASE)
			.set(SUBSCRIPTION_LEASE.ID, id)
			.set(SUBSCRIPTION_LEASE.USER_ID, userId)
			.set(SUBSCRIPTION_LEASE.INSTANCE_ID, this.instanceId)
			.set(SUBSCRIPTION_LEASE.EXPIRES_AT, leaseEnd())
			.execute();
		this.held.add(id);
		return Optional.of(id);
	}

	/**
	 * Ends a lease: the subscription ended (completed, failed, cancelled or
	 * disconnected).
	 */
	public void release(UUID lease) {
		this.held.remove(lease);
		this.dsl.deleteFrom(SUBSCRIPTION_LEASE).where(SUBSCRIPTION_LEASE.ID.eq(lease)).execute();
	}

	/**
	 * Extends every lease of this instance's open subscriptions by a lease duration from
	 * now, in one statement; returns how many rows it extended.
	 */
	public int renew() {
		if (this.held.isEmpty()) {
			return 0;
		}
		return this.dsl.update(SUBSCRIPTION_LEASE)
			.set(SUBSCRIPTION_LEASE.EXPIRES_AT, leaseEnd())
			.where(SUBSCRIPTION_LEASE.INSTANCE_ID.eq(this.instanceId))
			.and(SUBSCRIPTION_LEASE.ID.eq(DSL.any(this.held.toArray(UUID[]::new))))
			.execute();
	}

	/** How many leases this instance holds now. */
	public int heldCount() {
		return this.held.size();
	}

	/** A lease duration from the database's now: the instances' clocks play no part. */
	private Field<OffsetDateTime> leaseEnd() {
		return DSL.field("now() + {0} * interval '1 millisecond'", OffsetDateTime.class,
				DSL.val(this.properties.leaseDuration().toMillis()));
	}

}
