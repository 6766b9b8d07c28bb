package com.acme.gateway.prospect;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.sequencestate.SequenceState;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Resolves every field that links to a {@link Prospect}, one query per batch. */
@Controller
public class ProspectController {

	private final ProspectRepository prospects;

	public ProspectController(ProspectRepository prospects) {
		this.prospects = prospects;
	}

	@BatchMapping(typeName = "SequenceState", field = "prospect")
	public Map<SequenceState, Prospect> sequenceStateProspect(List<SequenceState> states) {
		return BatchLookups.toOne(states, SequenceState::prospectId, this.prospects::findByIds);
	}

}
