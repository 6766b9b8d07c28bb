package com.acme.gateway.opportunity;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.sequencestate.SequenceState;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Resolves every field that links to an {@link Opportunity}, one query per batch. */
@Controller
public class OpportunityController {

	private final OpportunityRepository opportunities;

	public OpportunityController(OpportunityRepository opportunities) {
		this.opportunities = opportunities;
	}

	@BatchMapping(typeName = "SequenceState", field = "opportunity")
	public Map<SequenceState, Opportunity> sequenceStateOpportunity(List<SequenceState> states) {
		return BatchLookups.toOne(states, SequenceState::opportunityId, this.opportunities::findByIds);
	}

}
