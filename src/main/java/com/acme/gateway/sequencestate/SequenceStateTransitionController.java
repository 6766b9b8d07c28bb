package com.acme.gateway.sequencestate;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.user.User;
import com.acme.gateway.user.UserRepository;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves {@code SequenceState.transitions} and each transition's actor, one query per
 * batch.
 */
@Controller
public class SequenceStateTransitionController {

	private final SequenceStateTransitionRepository history;

	private final UserRepository users;

	public SequenceStateTransitionController(SequenceStateTransitionRepository history, UserRepository users) {
		this.history = history;
		this.users = users;
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<SequenceStateTransition>> transitions(List<SequenceState> states) {
		return BatchLookups.toMany(states, SequenceState::id, this.history::findByStateIds);
	}

	@BatchMapping(typeName = "SequenceStateTransition", field = "actor")
	public Map<SequenceStateTransition, User> sequenceStateTransitionActor(List<SequenceStateTransition> transitions) {
		return BatchLookups.toOne(transitions, SequenceStateTransition::actorId, this.users::findByIds);
	}

}
