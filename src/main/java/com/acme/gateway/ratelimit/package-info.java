/**
 * Per-user rate limits: every GraphQL request of a user is charged its query cost (at least 1
 * point) against an hourly budget that Bucket4j keeps in PostgreSQL, so all instances share it.
 */
package com.acme.gateway.ratelimit;
