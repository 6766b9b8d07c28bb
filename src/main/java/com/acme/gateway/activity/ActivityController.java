package com.acme.gateway.activity;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.sequence.SequenceRepository;
import com.acme.gateway.sequence.SequenceStep;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves the fields of a {@link Mailing} and a {@link Task} that link to other types,
 * one query per batch.
 */
@Controller
public class ActivityController {

	private final SequenceRepository sequences;

	public ActivityController(SequenceRepository sequences) {
		this.sequences = sequences;
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
