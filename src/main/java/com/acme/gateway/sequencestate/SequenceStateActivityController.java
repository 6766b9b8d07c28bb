package com.acme.gateway.sequencestate;

import java.util.List;
import java.util.Map;

import com.acme.gateway.activity.ActivityRepository;
import com.acme.gateway.activity.Call;
import com.acme.gateway.activity.Mailing;
import com.acme.gateway.activity.StateStep;
import com.acme.gateway.activity.Task;
import com.acme.gateway.graphql.BatchLookups;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves a sequence state's mailings, tasks and calls, one query per relationship per
 * batch.
 */
@Controller
public class SequenceStateActivityController {

	private final ActivityRepository activities;

	public SequenceStateActivityController(ActivityRepository activities) {
		this.activities = activities;
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<Mailing>> mailings(List<SequenceState> states) {
		return BatchLookups.toMany(states, SequenceState::id, this.activities::findMailingsByStateIds);
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<Mailing>> activeStepMailings(List<SequenceState> states) {
		return BatchLookups.toMany(states, SequenceStateActivityController::currentStep,
				this.activities::findUndeliveredMailingsOnStep);
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<Task>> tasks(List<SequenceState> states) {
		return BatchLookups.toMany(states, SequenceState::id, this.activities::findTasksByStateIds);
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<Task>> activeStepTasks(List<SequenceState> states) {
		return BatchLookups.toMany(states, SequenceStateActivityController::currentStep,
				this.activities::findIncompleteTasksOnStep);
	}

	@BatchMapping(typeName = "SequenceState")
	public Map<SequenceState, List<Call>> calls(List<SequenceState> states) {
		return BatchLookups.toMany(states, SequenceState::id, this.activities::findCallsByStateIds);
	}

	/**
	 * A state with no current step has no active-step rows: a null key is never looked
	 * up.
	 */
	private static StateStep currentStep(SequenceState state) {
		return (state.sequenceStepId() != null) ? new StateStep(state.id(), state.sequenceStepId()) : null;
	}

}
