--liquibase formatted sql

-- Documents registered through automatic persisted queries, shared by every gateway instance:
-- a client that registered a document on one instance can send its hash alone to any other.
--
-- sha256_hash is the lower-case hex SHA-256 of body, checked before a row is written, so a
-- hash always names exactly one text. Rows are never updated; the gateway bounds their number
-- (gateway.documents.max-registered) by refusing new registrations once it is reached.

--changeset gateway:0030-persisted-document
create table persisted_document (
    sha256_hash char(64) primary key,
    body text not null,
    registered_at timestamp with time zone not null default now()
);
