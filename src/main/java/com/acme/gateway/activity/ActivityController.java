package com.acme.gateway.activity;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.sequencestate.SequenceState;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Resolves a sequence state's mailings, tasks and calls, one query per relationship per batch. */
@Controller
public class ActivityController {

	private final ActivityRepository activities;

	public ActivityController(ActivityRepository activities) {
		this.activities = activities;
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<Mailing>> mailings(List<SequenceState> states) {
		return BatchLookups.toMany(states, SequenceState::id, this.activities::findMailingsByStateIds);
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<Mailing>> activeStepMailings(List<SequenceState> states) {
		return BatchLookups.toMany(states, ActivityController::currentStep,
				this.activities::findUndeliveredMailingsOnStep);
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<Task>> tasks(List<SequenceState> states) {
		return BatchLookups.toMany(states, SequenceState::id, this.activities::findTasksByStateIds);
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<Task>> activeStepTasks(List<SequenceState> states) {
		return BatchLookups.toMany(states, ActivityController::currentStep, this.activities::findIncompleteTasksOnStep);
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<Call>> calls(List<SequenceState> states) {
		return BatchLookups.toMany(states, SequenceState::id, this.activities::findCallsByStateIds);
	}

	/** A state with no current step has no active-step rows: a null key is never looked up. */
	private static StateStep currentStep(SequenceState state) {
		return (state.sequenceStepId() != null) ? new StateStep(state.id(), state.sequenceStepId()) : null;
	}

}
