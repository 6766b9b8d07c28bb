package com.acme.gateway.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * The documents a client build declared ahead of time, by id: what trusted-only mode lets
 * run, and what a request may name by {@code documentId} alone.
 * <p>
 * Two formats are read: Apollo's {@code persisted-query-manifest.json}
 * ({@code {"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id","body","name","type"}]}},
 * whose ids are the SHA-256 of the bodies) and Relay's persisted-queries JSON
 * ({@code {"id":"text"}}). The trap: a document is trusted by its exact text, so a client
 * must send the text exactly as the manifest has it (or only its id); a reformatted copy
 * is another document.
 */
public final class DocumentManifest {

	static final String APOLLO_FORMAT = "apollo-persisted-query-manifest";

	private static final DocumentManifest EMPTY = new DocumentManifest(Map.of());

	private final Map<String, String> bodiesById;

	private final Set<String> bodies;

	DocumentManifest(Map<String, String> bodiesById) {
		this.bodiesById = Map.copyOf(bodiesById);
		this.bodies = Set.copyOf(new HashSet<>(bodiesById.values()));
	}

	static DocumentManifest empty() {
		return EMPTY;
	}

	/**
	 * Reads either format; anything else stops start-up with a message naming the
	 * property.
	 */
	static DocumentManifest read(Resource resource) {
		try (InputStream input = resource.getInputStream()) {
			Object json = JsonMapper.builder().build().readValue(input, Object.class);
			if (!(json instanceof Map<?, ?> root)) {
				throw invalid(resource, "it is not a JSON object");
			}
			return new DocumentManifest(
					APOLLO_FORMAT.equals(root.get("format")) ? apollo(resource, root) : relay(resource, root));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("gateway.documents.manifest " + resource + " cannot be read", ex);
		}
	}

	private static Map<String, String> apollo(Resource resource, Map<?, ?> root) {
		if (!Integer.valueOf(1).equals(root.get("version"))
				|| !(root.get("operations") instanceof List<?> operations)) {
			throw invalid(resource, "an Apollo manifest needs version 1 and a list of operations");
		}
		Map<String, String> bodiesById = new HashMap<>();
		for (Object operation : operations) {
			if (!(operation instanceof Map<?, ?> fields) || !(fields.get("id") instanceof String id)
					|| !(fields.get("body") instanceof String body)) {
				throw invalid(resource, "every operation needs a string id and body");
			}
			bodiesById.put(id, body);
		}
		return bodiesById;
	}

	private static Map<String, String> relay(Resource resource, Map<?, ?> root) {
		Map<String, String> bodiesById = new HashMap<>();
		root.forEach((id, body) -> {
			if (!(body instanceof String text)) {
				throw invalid(resource, "a Relay manifest maps each id to the document's text");
			}
			bodiesById.put((String) id, text);
		});
		return bodiesById;
	}

	private static IllegalStateException invalid(Resource resource, String reason) {
		return new IllegalStateException("gateway.documents.manifest " + resource + " is invalid: " + reason);
	}

	/** The text of the document with this id, or null. */
	String bodyOf(String id) {
		return this.bodiesById.get(id);
	}

	boolean contains(String body) {
		return this.bodies.contains(body);
	}

	int size() {
		return this.bodiesById.size();
	}

}
