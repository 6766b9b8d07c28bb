package com.acme.gateway.aggregate;

import java.util.List;

import org.jooq.Condition;
import org.jooq.SortField;

/**
 * A checked {@code sequenceStateGroups} query: the states' filter, the keys, the HAVING
 * condition and the total order of the groups.
 */
record Grouping(Condition filter, List<GroupKey> keys, Condition having, List<SortField<?>> order) {
}
