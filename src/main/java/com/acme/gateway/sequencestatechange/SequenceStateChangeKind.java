package com.acme.gateway.sequencestatechange;

/**
 * What a change did to the row: the values of the schema enum
 * {@code SequenceStateChangeKind}.
 */
public enum SequenceStateChangeKind {

	CREATED, UPDATED, DELETED

}
