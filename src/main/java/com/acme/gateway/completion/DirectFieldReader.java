package com.acme.gateway.completion;

import org.jspecify.annotations.Nullable;

/**
 * Reads one field's value from its parent object without a
 * {@code DataFetchingEnvironment}, for {@link DirectCompletionStrategy}. For fields whose
 * data fetcher is not a graphql-java {@code LightDataFetcher} but can still answer from
 * the parent and the local context alone (a relationship whose row the parent's query
 * already joined, say).
 */
@FunctionalInterface
public interface DirectFieldReader {

	/**
	 * Returned when this reader cannot answer for this parent; the field then runs its
	 * data fetcher.
	 */
	Object UNAVAILABLE = new Object() {
		@Override
		public String toString() {
			return "UNAVAILABLE";
		}
	};

	/**
	 * @param source the parent object
	 * @param localContext the local context the parent's data fetcher set (null when
	 * none)
	 * @return the field's value, which may be null, or {@link #UNAVAILABLE}
	 */
	@Nullable Object read(Object source, @Nullable Object localContext);

}
