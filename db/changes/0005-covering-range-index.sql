--liquibase formatted sql

--changeset gateway:0005-state-created-at-covering
-- "active states created in March, most recently updated first" reads the month's range and
-- sorts it (SequenceStateRepository, filterFirst). With updated_at and id in the index, finding
-- the page is an index-only scan and only the page's rows are read from the table: on 1,000,000
-- states, 16,000 matches, 18 ms -> 9 ms. It replaces the (state, created_at) index it extends.
-- jOOQ's code generator simulates this DDL on H2, which knows no INCLUDE.
-- [jooq ignore start]
create index sequence_state_state_created_at_cover_idx on sequence_state (state, created_at) include (updated_at, id);
drop index sequence_state_state_created_at_idx;
-- [jooq ignore stop]
--rollback create index sequence_state_state_created_at_idx on sequence_state (state, created_at);
--rollback drop index sequence_state_state_created_at_cover_idx;
