--liquibase formatted sql

--changeset rate:0040-rate-limit-bucket
-- One row per user: the Bucket4j token bucket of that user's hourly budget (id is the app_user id,
-- state Bucket4j's serialized bucket), shared by every gateway instance on this database
-- (ratelimit/RateLimitConfiguration). No foreign key: a bucket is written on every request, and
-- a check against app_user would be one more lookup for nothing; a deleted user's row is harmless.
create table rate_limit_bucket (
    id bigint primary key,
    state bytea
);
-- Unlogged: every request updates its user's row under a row lock, and a logged update would make
-- each commit wait for a WAL flush while the lock is held. An unlogged table keeps its rows over a
-- gateway restart and a clean PostgreSQL restart; only a PostgreSQL crash empties it, which gives
-- every user a full budget again. jOOQ's code generator simulates this DDL on H2, which has no
-- unlogged tables.
-- [jooq ignore start]
alter table rate_limit_bucket set unlogged;
-- [jooq ignore stop]
--rollback drop table rate_limit_bucket;
