package com.acme.gateway.sequence;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.user.User;
import com.acme.gateway.user.UserRepository;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves the fields of a {@link Sequence} and a {@link SequenceStep} that link to other
 * types, one query per batch.
 */
@Controller
public class SequenceController {

	private final SequenceRepository sequences;

	private final UserRepository users;

	public SequenceController(SequenceRepository sequences, UserRepository users) {
		this.sequences = sequences;
		this.users = users;
	}

	@BatchMapping(typeName = "SequenceStep", field = "sequence")
	public Map<SequenceStep, Sequence> stepSequence(List<SequenceStep> steps) {
		return BatchLookups.toOne(steps, SequenceStep::sequenceId, this.sequences::findByIds);
	}

	@BatchMapping(typeName = "Sequence", field = "owner")
	public Map<Sequence, User> sequenceOwner(List<Sequence> sequences) {
		return BatchLookups.toOne(sequences, Sequence::ownerId, this.users::findByIds);
	}

}
