package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.MAILING;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.jooq.Field;
import org.jooq.Table;

/**
 * Two to four mailings per state (one for a pending state) on its steps so far. The last
 * mailing is on the current step; for live states it is often still scheduled
 * ({@code delivered_at} null), which is what {@code activeStepMailings} returns.
 */
record MailingRows(DemoStates states) implements TableRows {

	private static final String[] DELIVERED_STATES = { "delivered", "delivered", "delivered", "delivered", "delivered",
			"opened", "opened", "opened", "clicked", "replied" };

	@Override
	public Table<?> table() {
		return MAILING;
	}

	@Override
	public List<Field<?>> columns() {
		return List.of(MAILING.ID, MAILING.SEQUENCE_STATE_ID, MAILING.SEQUENCE_STEP_ID, MAILING.STATE, MAILING.SUBJECT,
				MAILING.DELIVERED_AT, MAILING.CREATED_AT, MAILING.UPDATED_AT);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		long id = 0;
		for (long stateId = 1; stateId <= states.shape().states(); stateId++) {
			DemoState state = states.state(stateId);
			SplittableRandom random = RowRandom.of(RowRandom.Salt.MAILING, stateId);
			int count = state.status().equals("pending") ? 1 : 2 + random.nextInt(3);
			for (int i = 0; i < count; i++) {
				boolean onCurrentStep = i == count - 1;
				int order = onCurrentStep ? state.stepOrder() : 1 + random.nextInt(state.stepOrder());
				boolean scheduled = onCurrentStep && state.live()
						&& (state.status().equals("pending") || random.nextInt(10) < 6);
				boolean bounced = onCurrentStep && state.status().equals("bounced");
				Instant createdAt = DemoTime.between(random, state.createdAt(), state.updatedAt());
				Instant deliveredAt = scheduled || bounced ? null
						: DemoTime.after(random, createdAt, Duration.ofHours(1));
				String mailingState = scheduled ? "scheduled"
						: bounced ? "bounced" : DELIVERED_STATES[random.nextInt(DELIVERED_STATES.length)];
				String subject = DemoText.SUBJECTS[random.nextInt(DemoText.SUBJECTS.length)];
				if (subject.endsWith(" ")) {
					subject = subject + DemoText.accountName(state.accountId());
				}
				out.id(++id)
					.id(stateId)
					.id(states.layout().stepId(state.sequenceId(), order))
					.text(mailingState)
					.text(subject)
					.timestamp(deliveredAt)
					.timestamp(createdAt)
					.timestamp(
							DemoTime.after(random, deliveredAt != null ? deliveredAt : createdAt, Duration.ofDays(3)))
					.endRow();
			}
		}
	}
}
