package com.acme.gateway.sequencestate;

/**
 * One {@code SequenceStateOrder} input: a field and a direction (ascending when omitted).
 */
public record SequenceStateOrder(SequenceStateOrderField field, OrderDirection direction) {

	public boolean descending() {
		return this.direction == OrderDirection.DESC;
	}

	/** The GraphQL enum {@code OrderDirection}. */
	public enum OrderDirection {

		ASC, DESC

	}

}
