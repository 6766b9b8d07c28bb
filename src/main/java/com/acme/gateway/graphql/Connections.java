package com.acme.gateway.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import com.acme.gateway.database.KeyedRow;

/**
 * Builds Relay edges and page info from a keyset query that fetched one row more than
 * asked.
 */
public final class Connections {

	private Connections() {
	}

	/**
	 * @param rows up to {@code page.size() + 1} rows in reading order (reversed when
	 * paging backward); the extra row only tells that more rows exist beyond the page
	 * @param cursorOf makes the cursor of a row from its sort values
	 */
	public static <T> Page<T> page(List<KeyedRow<T>> rows, PageRequest page, Function<List<Object>, String> cursorOf) {
		boolean more = rows.size() > page.size();
		List<KeyedRow<T>> kept = new ArrayList<>(more ? rows.subList(0, page.size()) : rows);
		if (page.backward()) {
			Collections.reverse(kept);
		}
		List<Edge<T>> edges = kept.stream()
			.map(row -> new Edge<>(cursorOf.apply(row.sortValues()), row.node()))
			.toList();
		String startCursor = edges.isEmpty() ? null : edges.get(0).cursor();
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		// Paging one way, the rows on the far side of the cursor exist because the cursor
		// came
		// from one of them; the near side is what the extra row tells.
		boolean hasNext = page.backward() ? page.cursor() != null : more;
		boolean hasPrevious = page.backward() ? more : page.cursor() != null;
		return new Page<>(edges, new PageInfo(hasNext, hasPrevious, startCursor, endCursor));
	}

	/** The edges and page info of one page. */
	public record Page<T>(List<Edge<T>> edges, PageInfo pageInfo) {
	}

}
