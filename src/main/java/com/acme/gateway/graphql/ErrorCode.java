package com.acme.gateway.graphql;

import graphql.ErrorClassification;

/**
 * The {@code extensions.code} of every GraphQL error the gateway returns, one casing for
 * all. Each constant says what the client may conclude.
 */
public enum ErrorCode implements ErrorClassification {

	/**
	 * The request is wrong (argument, cursor, document); retrying it unchanged fails
	 * again.
	 */
	BAD_USER_INPUT,
	/**
	 * A row the request names does not exist (for mutations; queries answer null
	 * instead).
	 */
	NOT_FOUND,
	/** The state's current status does not allow the requested action. */
	INVALID_STATE_TRANSITION,
	/** The write collides with data that exists already; reread before retrying. */
	CONFLICT,
	/** No valid credentials came with the request. */
	UNAUTHENTICATED,
	/** The credentials are valid but do not grant this operation. */
	FORBIDDEN,
	/** The request is larger or costlier than the gateway accepts; make it smaller. */
	LIMIT_EXCEEDED,
	/**
	 * An automatic persisted query's hash that no instance knows: send the same request
	 * again with the document's text, which registers it (Apollo's protocol).
	 */
	PERSISTED_QUERY_NOT_FOUND,
	/**
	 * The user's hourly budget of query-cost points is used up (HTTP 429); the same
	 * request succeeds after {@code Retry-After} seconds.
	 */
	RATE_LIMITED,
	/**
	 * A dependency (the database) is down or overloaded; the same request may succeed
	 * later.
	 */
	UNAVAILABLE,
	/**
	 * A failure on the gateway's side; the message carries an id to quote to the
	 * operators.
	 */
	INTERNAL

}
