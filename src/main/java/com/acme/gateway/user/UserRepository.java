package com.acme.gateway.user;

import static com.acme.gateway.database.generated.Tables.APP_USER;

import java.util.Map;
import java.util.Set;

import com.acme.gateway.database.AnyOf;
import org.jooq.DSLContext;
import org.jooq.Records;

import org.springframework.stereotype.Repository;

/** Reads users. */
@Repository
public class UserRepository {

	private final DSLContext dsl;

	public UserRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public Map<Long, User> findByIds(Set<Long> ids) {
		return this.dsl
			.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.FIRST_NAME, APP_USER.LAST_NAME, APP_USER.ROLE,
					APP_USER.CREATED_AT, APP_USER.UPDATED_AT)
			.from(APP_USER)
			.where(AnyOf.longs(APP_USER.ID, ids))
			.fetchMap(APP_USER.ID, Records.mapping(User::new));
	}

}
