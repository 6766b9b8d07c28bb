package com.acme.gateway.sequence;

import java.util.List;
import java.util.Map;

import com.acme.gateway.activity.Mailing;
import com.acme.gateway.activity.Task;
import com.acme.gateway.graphql.BatchLookups;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Resolves every field that links to a {@link Sequence} or a {@link SequenceStep}, one query per batch. */
@Controller
public class SequenceController {

	private final SequenceRepository sequences;

	public SequenceController(SequenceRepository sequences) {
		this.sequences = sequences;
	}

	@BatchMapping(typeName = "SequenceStep", field = "sequence")
	public Map<SequenceStep, Sequence> stepSequence(List<SequenceStep> steps) {
		return BatchLookups.toOne(steps, SequenceStep::sequenceId, this.sequences::findByIds);
	}

	@BatchMapping(typeName = "Mailing", field = "sequenceStep")
	public Map<Mailing, SequenceStep> mailingSequenceStep(List<Mailing> mailings) {
		return BatchLookups.toOne(mailings, Mailing::sequenceStepId, this.sequences::findStepsByIds);
	}

	@BatchMapping(typeName = "Task", field = "sequenceStep")
	public Map<Task, SequenceStep> taskSequenceStep(List<Task> tasks) {
		return BatchLookups.toOne(tasks, Task::sequenceStepId, this.sequences::findStepsByIds);
	}

}
