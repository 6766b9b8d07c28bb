package com.acme.gateway.batchitem;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.BatchLookups;
import com.acme.gateway.sequencestate.SequenceState;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Resolves every field that links to a {@link BatchItem}, one query per batch. */
@Controller
public class BatchItemController {

	private final BatchItemRepository batchItems;

	public BatchItemController(BatchItemRepository batchItems) {
		this.batchItems = batchItems;
	}

	@BatchMapping(typeName = "SequenceState", field = "batchItemCreator")
	public Map<SequenceState, BatchItem> sequenceStateBatchItemCreator(List<SequenceState> states) {
		return BatchLookups.toOne(states, SequenceState::batchItemCreatorId, this.batchItems::findByIds);
	}

}
