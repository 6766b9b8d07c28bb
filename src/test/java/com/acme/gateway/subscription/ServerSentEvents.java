package com.acme.gateway.subscription;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/** A subscription over Server-Sent Events, read to its end. */
final class ServerSentEvents {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ServerSentEvents() {
	}

	/**
	 * The stream's events until it ends (or {@code maxEvents}): each {@code next} event's
	 * data, and {@code "complete"} for the complete event.
	 */
	static List<String> read(int port, String authorization, String document, Map<String, Object> variables,
			int maxEvents) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.header("Authorization", authorization)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		List<String> events = new ArrayList<>();
		String type = null;
		try (Stream<String> lines = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofLines())
			.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.startsWith("event:")) {
					type = line.substring("event:".length()).trim();
					if (type.equals("complete")) {
						events.add("complete");
					}
				}
				else if (line.startsWith("data:") && "next".equals(type)) {
					events.add(line.substring("data:".length()).trim());
				}
				if (events.size() >= maxEvents || events.contains("complete")) {
					break;
				}
			}
		}
		return events;
	}

}
