--liquibase formatted sql

-- Indexes behind the filters and orderings of sequenceStates on a large table. Relationship ids
-- already have an index each (0002); these serve the attribute filters, the relationship
-- attributes and the common "status + date range, newest first" queries.

--changeset gateway:0004-state-and-date-orderings
-- "active states created last week, most recently updated first": walk the states of one status
-- in updated_at order (row comparison on (updated_at, id) keeps deep pages on the index) ...
create index sequence_state_state_updated_at_id_idx on sequence_state (state, updated_at, id);
-- ... or, when the date range is narrow, take the range straight from this one.
create index sequence_state_state_created_at_idx on sequence_state (state, created_at);
-- Ordering the whole table by a date, and date-range filters without a status.
create index sequence_state_created_at_id_idx on sequence_state (created_at, id);
create index sequence_state_updated_at_id_idx on sequence_state (updated_at, id);

--changeset gateway:0004-task-due-at
-- "states with a task due tomorrow": a one-day window of tasks, then their states.
create index task_due_at_idx on task (due_at);

--changeset gateway:0004-relation-attributes
-- jOOQ's code generator simulates this DDL on H2, which cannot index text or arrays.
-- [jooq ignore start]
create index mailbox_email_idx on mailbox (email);
create index prospect_emails_gin_idx on prospect using gin (emails);
-- [jooq ignore stop]
