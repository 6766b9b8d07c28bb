--liquibase formatted sql

-- Indexes for the read paths: every batched relationship looks rows up by the id of their
-- parent (`where sequence_state_id = any(?)`), and every to-one relationship of a state is
-- looked up by primary key. Foreign keys of sequence_state get an index each so that the
-- relationship filters and the restrict checks on delete of a parent are index lookups.

--changeset gateway:0002-child-rows-by-state
create index mailing_sequence_state_id_idx on mailing (sequence_state_id);
create index task_sequence_state_id_idx on task (sequence_state_id);
create index call_sequence_state_id_idx on call (sequence_state_id);

--changeset gateway:0002-state-foreign-keys
create index sequence_state_prospect_id_idx on sequence_state (prospect_id);
create index sequence_state_account_id_idx on sequence_state (account_id);
create index sequence_state_sequence_id_idx on sequence_state (sequence_id);
create index sequence_state_sequence_step_id_idx on sequence_state (sequence_step_id);
create index sequence_state_mailbox_id_idx on sequence_state (mailbox_id);
create index sequence_state_opportunity_id_idx on sequence_state (opportunity_id);
create index sequence_state_creator_id_idx on sequence_state (creator_id);
create index sequence_state_batch_item_creator_id_idx on sequence_state (batch_item_creator_id);

--changeset gateway:0002-related-foreign-keys
create index prospect_account_id_idx on prospect (account_id);
create index opportunity_account_id_idx on opportunity (account_id);
create index mailbox_user_id_idx on mailbox (user_id);
create index sequence_owner_id_idx on sequence (owner_id);
create index mailing_sequence_step_id_idx on mailing (sequence_step_id);
create index task_sequence_step_id_idx on task (sequence_step_id);
