package com.acme.gateway.sequencestate;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Resolves {@code SequenceState.transitions}, one query per batch of states. */
@Controller
public class SequenceStateTransitionController {

	private final SequenceStateTransitionRepository history;

	public SequenceStateTransitionController(SequenceStateTransitionRepository history) {
		this.history = history;
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<SequenceStateTransition>> transitions(List<SequenceState> states) {
		return BatchLookups.toMany(states, SequenceState::id, this.history::findByStateIds);
	}

}
