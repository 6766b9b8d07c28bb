--liquibase formatted sql

--changeset gateway:0050-subscription-lease
-- One row per open subscription of any gateway instance: the per-user limit
-- (gateway.subscriptions.max-per-user) counts a user's live rows, and the instances share nothing
-- else. The instance holding a subscription renews its rows' expires_at on a timer and deletes
-- a row when its subscription ends; the rows of an instance that died without deleting them stop
-- counting once they expire, and are deleted by the next subscribe of that user.
-- No foreign key to app_user: a lease lives minutes, and a deleted user's rows expire.
create table subscription_lease (
    id uuid primary key,
    user_id bigint not null,
    instance_id uuid not null,
    expires_at timestamp with time zone not null
);
create index subscription_lease_user on subscription_lease (user_id);
create index subscription_lease_instance on subscription_lease (instance_id);
-- Unlogged: the rows are renewed every few seconds and worth nothing after a PostgreSQL crash
-- (which empties the table, and the instances' next renewal does not bring them back: the
-- subscriptions open then no longer count until they are reopened, the safe side of a limit
-- that is about fairness). jOOQ's code generator simulates this DDL on H2, which has no unlogged
-- tables.
-- [jooq ignore start]
alter table subscription_lease set unlogged;
-- [jooq ignore stop]
--rollback drop table subscription_lease;
