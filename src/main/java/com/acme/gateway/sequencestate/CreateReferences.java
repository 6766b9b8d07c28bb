package com.acme.gateway.sequencestate;

/**
 * Which rows named by a refused create exist, read after its INSERT wrote nothing, so the
 * client is told exactly which id to fix. {@code opportunity} is true when none was
 * given.
 */
record CreateReferences(boolean prospect, boolean sequence, boolean mailbox, boolean opportunity, boolean firstStep) {
}
