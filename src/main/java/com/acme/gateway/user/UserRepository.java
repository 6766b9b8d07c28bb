package com.acme.gateway.user;

import static com.acme.gateway.database.generated.Tables.APP_USER;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import com.acme.gateway.database.Columns;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

/** Reads users. */
@Repository
public class UserRepository {

	/**
	 * A user's columns: the lookup here and the sequence-state queries that join users
	 * select them, so both read the same columns into the same record.
	 */
	public static final Columns<User> USER_COLUMNS = Columns.of(APP_USER.ID,
			List.of(entry("id", APP_USER.ID), entry("email", APP_USER.EMAIL), entry("firstName", APP_USER.FIRST_NAME),
					entry("lastName", APP_USER.LAST_NAME), entry("role", APP_USER.ROLE),
					entry("createdAt", APP_USER.CREATED_AT), entry("updatedAt", APP_USER.UPDATED_AT)),
			row -> new User(row.get(APP_USER.ID), row.get(APP_USER.EMAIL), row.get(APP_USER.FIRST_NAME),
					row.get(APP_USER.LAST_NAME), row.get(APP_USER.ROLE), row.get(APP_USER.CREATED_AT),
					row.get(APP_USER.UPDATED_AT)));

	private final DSLContext dsl;

	public UserRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, User> findByIds(Set<Long> ids) {
		return this.dsl.select(USER_COLUMNS.fields())
			.from(APP_USER)
			.where(AnyOf.longs(APP_USER.ID, ids))
			.fetchMap(APP_USER.ID, USER_COLUMNS::read);
	}

}
