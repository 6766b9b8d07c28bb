package com.acme.gateway.sequencestate;

import com.acme.gateway.database.ConstraintViolations;
import com.acme.gateway.graphql.InvalidInputException;
import com.acme.gateway.sequencestate.SequenceStateTransitions.Action;
import java.util.Map;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;
import com.acme.gateway.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes sequence states, each call one transaction that writes the
 * state and appends its history row, or writes nothing at all.
 *
 * <p>
 * Contract: every write is conditional on the status it starts from and is decided by the
 * database at the moment of writing, so concurrent calls on one state end in a state some
 * serial order of them explains, and each refused call is told why:
 * {@link RecordNotFoundException}, {@link InvalidStateTransitionException},
 * {@link LiveStateConflictException} or {@link InvalidInputException}. A refusal is an
 * exception thrown inside the transaction, which rolls it back.
 *
 * <p>
 * Trap: never add a "check, then write" step here. A SELECT that finds no live state does
 * not stop a concurrent create from inserting one before this one does; the unique index
 * does.
 */
@Service
public class SequenceStateWriter {

	/**
	 * The width of {@code sequence_state.pause_reason}, counted in characters as
	 * PostgreSQL does.
	 */
	static final int MAX_REASON_LENGTH = 255;

	private static final String ONE_LIVE_STATE_INDEX = "sequence_state_one_live_per_prospect_and_sequence";

	private final SequenceStateWriteRepository states;

	private final SequenceStateTransitionRepository history;

	public SequenceStateWriter(SequenceStateWriteRepository states, SequenceStateTransitionRepository history) {
		this.states = states;
		this.history = history;
	}

	/**
	 * Enrols the prospect; {@code actor} (the caller's {@code app_user} id, null for
	 * system writes) becomes the state's creator and the actor of its first history row.
	 */
	@Transactional
	public SequenceState create(long prospectId, long sequenceId, long mailboxId, Long opportunityId, Long actor) {
		NewSequenceState input = new NewSequenceState(prospectId, sequenceId, mailboxId, opportunityId, actor);
		SequenceState created;
		try {
			created = this.states.insert(input).orElseThrow(() -> whyNotCreated(input));
		}
		catch (RuntimeException ex) {
			// Spring translates jOOQ's exception when Boot wires jOOQ, jOOQ's own reaches
			// here otherwise;
			// both keep the driver's SQLException in the cause chain.
			if (ConstraintViolations.isViolationOf(ex, ConstraintViolations.UNIQUE_VIOLATION, ONE_LIVE_STATE_INDEX)) {
				throw new LiveStateConflictException(prospectId, sequenceId);
			}
			throw ex;
		}
		this.history.append(created.id(), null, created.state(), null, actor);
		return created;
	}

	/**
	 * Pauses an active state; {@code reason} (optional) replaces the previous pause
	 * reason.
	 */
	@Transactional
	public SequenceState pause(long id, String reason, Long actor) {
		if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
			throw new InvalidInputException("reason must be at most %d characters long".formatted(MAX_REASON_LENGTH));
		}
		// PostgreSQL text cannot hold NUL: without this the update fails as an internal
		// error.
		if (reason != null && reason.indexOf('\u0000') >= 0) {
			throw new InvalidInputException("reason must not contain the NUL character (U+0000)");
		}
		return change(id, Action.PAUSE, reason, actor);
	}

	@Transactional
	public SequenceState resume(long id, Long actor) {
		return change(id, Action.RESUME, null, actor);
	}

	@Transactional
	public SequenceState finish(long id, Long actor) {
		return change(id, Action.FINISH, null, actor);
	}

	/**
	 * Deletes the state if {@link SequenceStateDeletePolicy} lets {@code user} (the very
	 * rule behind {@code canDelete}, so the field never promises a delete that is then
	 * refused); its mailings, tasks, calls and history stay, no longer linked to it. The
	 * state is locked before the rule is applied, so its creator cannot change in
	 * between.
	 */
	@Transactional
	public long delete(long id, CurrentUser user) {
		SequenceState state = this.states.lockById(id)
			.orElseThrow(() -> new RecordNotFoundException("sequence state", "id", id));
		if (!SequenceStateDeletePolicy.allows(user, state)) {
			throw new GatewayException(ErrorCode.FORBIDDEN,
					"Only an admin or the state's creator may delete sequence state " + id
							+ " (canDelete tells in advance)",
					Map.of("id", String.valueOf(id)));
		}
		SequenceStateStatus deleted = this.states.delete(id)
			.orElseThrow(() -> new RecordNotFoundException("sequence state", "id", id));
		this.history.append(id, deleted, null, null, user.id());
		return id;
	}

	private SequenceState change(long id, Action action, String reason, Long actor) {
		StateChange change = this.states.changeState(id, action, reason).orElseThrow(() -> whyRefused(id, action));
		this.history.append(id, change.from(), change.state().state(), reason, actor);
		return change.state();
	}

	/**
	 * The conditional UPDATE changed nothing: the row is missing, or its status forbids
	 * the action.
	 */
	private RuntimeException whyRefused(long id, Action action) {
		return this.states.findStatus(id)
			.<RuntimeException>map(current -> new InvalidStateTransitionException(id, current, action))
			.orElseGet(() -> new RecordNotFoundException("sequence state", "id", id));
	}

	/** The INSERT … SELECT found nothing to insert: name the first missing row. */
	private RuntimeException whyNotCreated(NewSequenceState input) {
		CreateReferences found = this.states.findReferences(input);
		if (!found.prospect()) {
			return new RecordNotFoundException("prospect", "input.prospectId", input.prospectId());
		}
		if (!found.sequence()) {
			return new RecordNotFoundException("sequence", "input.sequenceId", input.sequenceId());
		}
		if (!found.mailbox()) {
			return new RecordNotFoundException("mailbox", "input.mailboxId", input.mailboxId());
		}
		if (!found.opportunity()) {
			return new RecordNotFoundException("opportunity", "input.opportunityId", input.opportunityId());
		}
		return new InvalidInputException("Sequence %d has no first step (order 1); add one before enrolling prospects"
			.formatted(input.sequenceId()));
	}

}
