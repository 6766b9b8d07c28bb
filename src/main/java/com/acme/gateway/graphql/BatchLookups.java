package com.acme.gateway.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Joins a batch of GraphQL sources to the rows they link to, for {@code @BatchMapping}
 * methods. Each lookup runs one query for the whole batch, with every distinct key once.
 *
 * <p>
 * The contract of a mapped batch loader: a source missing from the returned map resolves
 * to null. That is right for a to-one link that is null or dangling, and wrong for a
 * to-many list field declared non-null, so {@link #toMany} fills in an empty list for
 * every source.
 */
public final class BatchLookups {

	private BatchLookups() {
	}

	/**
	 * Each source's linked row, found through its foreign key; null keys are not looked
	 * up.
	 */
	public static <S, K, T> Map<S, T> toOne(Collection<S> sources, Function<S, K> foreignKey,
			Function<Set<K>, Map<K, T>> findByKeys) {
		Set<K> keys = distinctKeys(sources, foreignKey);
		if (keys.isEmpty()) {
			return Map.of();
		}
		Map<K, T> found = findByKeys.apply(keys);
		Map<S, T> result = new HashMap<>(sources.size() * 2);
		for (S source : sources) {
			T target = found.get(foreignKey.apply(source));
			if (target != null) {
				result.put(source, target);
			}
		}
		return result;
	}

	/**
	 * Each source's list of child rows, found by the source's key; an empty list when
	 * none.
	 */
	public static <S, K, T> Map<S, List<T>> toMany(Collection<S> sources, Function<S, K> key,
			Function<Set<K>, Map<K, List<T>>> findByParentKeys) {
		Set<K> keys = distinctKeys(sources, key);
		Map<K, List<T>> found = keys.isEmpty() ? Map.of() : findByParentKeys.apply(keys);
		Map<S, List<T>> result = new HashMap<>(sources.size() * 2);
		for (S source : sources) {
			K sourceKey = key.apply(source);
			result.put(source, (sourceKey != null) ? found.getOrDefault(sourceKey, List.of()) : List.of());
		}
		return result;
	}

	private static <S, K> Set<K> distinctKeys(Collection<S> sources, Function<S, K> key) {
		Set<K> keys = new LinkedHashSet<>();
		sources.stream().map(key).filter(Objects::nonNull).forEach(keys::add);
		return keys;
	}

}
