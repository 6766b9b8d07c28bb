package com.acme.gateway.sequencestate;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.acme.gateway.database.Columns;
import com.acme.gateway.database.generated.tables.records.SequenceStateRecord;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jspecify.annotations.Nullable;

/**
 * A to-one field of {@code SequenceState} (its prospect, account, sequence, ...),
 * resolved one of two ways: read from the rows a sequence-state query joined when it saw
 * the field selected ({@link JoinedLinks}, no further statement), or else batched through
 * a DataLoader keyed by the foreign key (one {@code = any(?)} statement per batch).
 *
 * @param field the GraphQL field on {@code SequenceState}
 * @param foreignKey the column of {@code sequence_state} that links to the target
 * @param key the same foreign key read from a loaded state
 * @param target the linked table, joined on {@code targetId = foreignKey}
 * @param targetId the linked table's primary key
 * @param columns the linked table's columns, and how its record is read from them: all of
 * them, or those a query's selection asks for ({@link #selecting})
 * @param findByIds the batch lookup, for states whose query did not join the link
 */
public record SequenceStateLink<T>(String field, TableField<SequenceStateRecord, Long> foreignKey,
		Function<SequenceState, Long> key, Table<?> target, Field<Long> targetId, Columns<T> columns,
		Function<Set<Long>, Map<Long, T>> findByIds) {

	/** What {@link #readJoined} returns when the state's query did not join this link. */
	public static final Object NOT_JOINED = new Object() {
		@Override
		public String toString() {
			return "NOT_JOINED";
		}
	};

	/**
	 * This link reading only the columns that answer these fields of its target (see
	 * {@link Columns#forNames}, whose names are the target type's GraphQL fields): for a
	 * query that joins the link, where nothing but the selection reads the joined rows.
	 */
	SequenceStateLink<T> selecting(Set<String> targetFields) {
		Columns<T> selected = this.columns.forNames(withoutTypename(targetFields));
		return (selected == this.columns) ? this : new SequenceStateLink<>(this.field, this.foreignKey, this.key,
				this.target, this.targetId, selected, this.findByIds);
	}

	/**
	 * {@code __typename} reads no column: graphql-java answers it from the type alone.
	 */
	private static Set<String> withoutTypename(Set<String> fields) {
		if (!fields.contains("__typename")) {
			return fields;
		}
		Set<String> columnFields = new HashSet<>(fields);
		columnFields.remove("__typename");
		return columnFields;
	}

	/**
	 * The DataLoader of this link, registered under this name with Spring's batch loader
	 * registry.
	 */
	public String dataLoaderName() {
		return "SequenceState." + this.field;
	}

	/**
	 * The field's data fetcher: the joined row when the query joined it, else the
	 * DataLoader.
	 */
	DataFetcher<Object> fetcher() {
		return this::fetch;
	}

	private Object fetch(DataFetchingEnvironment environment) {
		Object joined = readJoined(environment.getSource(), environment.getLocalContext());
		if (joined != NOT_JOINED) {
			return joined;
		}
		Long targetKey = this.key.apply(environment.getSource());
		if (targetKey == null) {
			return null;
		}
		DataLoader<Long, T> loader = environment.getDataLoader(dataLoaderName());
		return loader.load(targetKey);
	}

	/**
	 * The linked row when the state's query joined this link (null when the state links
	 * to nothing), else {@link #NOT_JOINED}: what a completion that skips the data
	 * fetcher can read.
	 */
	public @Nullable Object readJoined(Object source, @Nullable Object localContext) {
		if (!(source instanceof SequenceState state) || !(localContext instanceof JoinedLinks joined)
				|| !joined.covers(this)) {
			return NOT_JOINED;
		}
		Long targetKey = this.key.apply(state);
		return (targetKey != null) ? joined.get(this, targetKey) : null;
	}

}
