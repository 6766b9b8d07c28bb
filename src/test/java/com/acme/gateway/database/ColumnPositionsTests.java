package com.acme.gateway.database;

import static com.acme.gateway.database.generated.Tables.ACCOUNT;
import static com.acme.gateway.database.generated.Tables.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * {@link ColumnPositions} reads by position only where the row holds the columns in order
 * at the expected place, and gives the same values as {@code Record.get(Field)} in every
 * case.
 */
class ColumnPositionsTests {

	private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES);

	private final ColumnPositions account = ColumnPositions.of(List.of(ACCOUNT.ID, ACCOUNT.NAME));

	@Test
	void readsByPositionWhereTheRowHoldsTheColumnsInOrder() {
		Record row = this.dsl.newRecord(MAILBOX.ID, MAILBOX.EMAIL, ACCOUNT.ID, ACCOUNT.NAME);
		row.set(MAILBOX.ID, 1L);
		row.set(MAILBOX.EMAIL, "a@example.com");
		row.set(ACCOUNT.ID, 7L);
		row.set(ACCOUNT.NAME, "Willow Labs");

		ColumnPositions.Reader found = this.account.in(row);
		ColumnPositions.Reader given = this.account.in(row, 2);

		assertThat(found.positional()).isTrue();
		assertThat(given.positional()).isTrue();
		assertThat(found.get(ACCOUNT.ID)).isEqualTo(7L);
		assertThat(given.get(ACCOUNT.NAME)).isEqualTo("Willow Labs");
	}

	@Test
	void readsTheColumnsInAnyOrderAndAgain() {
		Record row = this.dsl.newRecord(ACCOUNT.ID, ACCOUNT.NAME, ACCOUNT.DOMAIN);
		row.set(ACCOUNT.ID, 7L);
		row.set(ACCOUNT.NAME, "Willow Labs");
		row.set(ACCOUNT.DOMAIN, "willow.example");
		ColumnPositions all = ColumnPositions.of(List.of(ACCOUNT.ID, ACCOUNT.NAME, ACCOUNT.DOMAIN));

		ColumnPositions.Reader values = all.in(row);

		assertThat(values.positional()).isTrue();
		assertThat(values.get(ACCOUNT.DOMAIN)).isEqualTo("willow.example");
		assertThat(values.get(ACCOUNT.ID)).isEqualTo(7L);
		assertThat(values.get(ACCOUNT.ID)).isEqualTo(7L);
		assertThat(values.get(MAILBOX.ID)).isNull();
		assertThat(values.get(ACCOUNT.NAME)).isEqualTo("Willow Labs");
		assertThat(values.get(ACCOUNT.DOMAIN)).isEqualTo("willow.example");
	}

	@Test
	void readsByFieldWhereTheRowHoldsThemOtherwise() {
		Record reordered = this.dsl.newRecord(ACCOUNT.NAME, MAILBOX.ID, ACCOUNT.ID);
		reordered.set(ACCOUNT.NAME, "Willow Labs");
		reordered.set(MAILBOX.ID, 1L);
		reordered.set(ACCOUNT.ID, 7L);

		for (ColumnPositions.Reader values : List.of(this.account.in(reordered), this.account.in(reordered, 0),
				this.account.in(reordered, 1), this.account.in(reordered, 2))) {
			assertThat(values.positional()).isFalse();
			assertThat(values.get(ACCOUNT.ID)).isEqualTo(7L);
			assertThat(values.get(ACCOUNT.NAME)).isEqualTo("Willow Labs");
		}
	}

	@Test
	void aColumnOfTheSameNameFromAnotherTableIsNotOneOfThem() {
		// mailbox.id renders as "mailbox"."id": the check is by identity, not by name.
		Record row = this.dsl.newRecord(MAILBOX.ID, ACCOUNT.NAME);
		row.set(MAILBOX.ID, 1L);
		row.set(ACCOUNT.NAME, "Willow Labs");

		ColumnPositions.Reader values = this.account.in(row, 0);

		assertThat(values.positional()).isFalse();
		assertThat(values.get(ACCOUNT.NAME)).isEqualTo("Willow Labs");
	}

	@Test
	void aFieldThatIsNotOneOfTheColumnsReadsAsNull() {
		Record row = this.dsl.newRecord(ACCOUNT.ID, ACCOUNT.NAME, ACCOUNT.DOMAIN);
		row.set(ACCOUNT.DOMAIN, "willow.example");

		assertThat(this.account.in(row).get(ACCOUNT.DOMAIN)).isNull();
	}

	@Test
	void aRowTooShortForTheColumnsIsReadByField() {
		Record row = this.dsl.newRecord(MAILBOX.ID, ACCOUNT.ID);
		row.set(ACCOUNT.ID, 7L);

		ColumnPositions.Reader values = this.account.in(row, 1);

		assertThat(values.positional()).isFalse();
		assertThat(values.get(ACCOUNT.ID)).isEqualTo(7L);
	}

	@Test
	void refusesAnEmptyList() {
		List<Field<?>> none = List.of();
		assertThatThrownBy(() -> ColumnPositions.of(none)).isInstanceOf(IllegalArgumentException.class);
	}

}
