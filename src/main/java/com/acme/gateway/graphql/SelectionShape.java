package com.acme.gateway.graphql;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * A key for what is derived from a field's selection (a completion plan, the links a query joins),
 * valid across requests. Parsed documents are cached ({@code ParsedDocumentCacheConfiguration}),
 * so every request with the same text brings the same syntax nodes, which compare by identity.
 * What else can change a selection is the variables, through {@code @skip} and {@code @include}
 * (and {@code @defer}'s {@code if}); they are part of the key only for documents that carry a
 * directive at all, so that the common document, without one, shares one entry for all its
 * requests, and any document with one still gets a selection per set of variables.
 *
 * <p>Why: deriving these per request measured about 6 % of the JVM's CPU for a one-state query
 * and for one prospect's states (BENCHMARKS.md, stop 16).
 *
 * @param nodes the field's syntax nodes (every alias merged into it), by identity
 * @param variables the coerced variables when the document has directives, else an empty map
 * @param detail whatever else the derived value depends on (a type, a path)
 */
public record SelectionShape(List<Field> nodes, Map<String, Object> variables, Object detail) {

	/** Whether a document holds a directive anywhere; documents are weak keys, dropped with their cache entry. */
	private static final Cache<Document, Boolean> HAS_DIRECTIVES = Caffeine.newBuilder()
		.weakKeys()
		.maximumSize(10_000)
		.build();

	public static SelectionShape of(Document document, List<Field> nodes, Map<String, Object> variables,
			Object detail) {
		boolean conditional = HAS_DIRECTIVES.get(document, SelectionShape::hasDirectives);
		// A copy that allows null values, which variables may hold (Map.copyOf refuses them).
		return new SelectionShape(nodes, conditional ? Collections.unmodifiableMap(new HashMap<>(variables)) : Map.of(),
				detail);
	}

	private static boolean hasDirectives(Document document) {
		boolean[] found = { false };
		new NodeTraverser().depthFirst(new NodeVisitorStub() {
			@Override
			public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
				found[0] = true;
				return TraversalControl.QUIT;
			}
		}, document);
		return found[0];
	}

}
