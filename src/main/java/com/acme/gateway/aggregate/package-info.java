/**
 * Aggregates and groups of sequence states, for analysts: {@code sequenceStatesAggregate} and
 * {@code sequenceStateGroups}, one SQL statement per aggregate or page of groups over the same
 * filter conditions as {@code sequenceStates}.
 */
package com.acme.gateway.aggregate;
