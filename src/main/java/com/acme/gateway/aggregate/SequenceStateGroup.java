package com.acme.gateway.aggregate;

import java.util.Map;

/**
 * One group of states ({@code SequenceStateGroup}): its keys and its aggregates (see
 * {@link AggregateSelection}).
 */
public record SequenceStateGroup(SequenceStateGroupKeys keys, Map<String, Object> aggregate) {
}
