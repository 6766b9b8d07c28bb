package com.acme.gateway.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import com.acme.gateway.http.GatewayGraphQlHttpHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Queries over GET ({@code /graphql?query=…&variables=…&operationName=…&extensions=…}, or
 * {@code documentId}, or the APQ extension; JSON values URL-encoded), answered by the
 * same {@link WebGraphQlHandler} as POST, so every interceptor, limit and scope check
 * applies. Spring for GraphQL 2.0's HTTP handler reads POST bodies only, and Boot's route
 * answers GET with 405 (spring-projects/spring-graphql#1450: GET is left for a later
 * version, since it needs mutations refused); this builds the same request from the query
 * string.
 * <p>
 * Caching: an answer to a persisted document (an APQ hash or a {@code documentId}: the
 * URL is short and stable) without errors is {@code private, max-age=N} with an
 * {@code ETag}, and a matching {@code If-None-Match} gets 304; every other answer is
 * {@code private, no-store}. {@code private} because answers depend on the caller's
 * token. A mutation is 405 with {@code Allow: POST}, refused before it runs.
 */
final class GetRequests {

	/** GraphQL context key: the request came over GET. */
	static final String SENT_WITH_GET = GetRequests.class.getName() + ".sentWithGet";

	/** GraphQL context key: the document was a mutation and was refused. */
	static final String MUTATION_REFUSED = GetRequests.class.getName() + ".mutationRefused";

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private final WebGraphQlHandler graphQlHandler;

	private final JsonMapper jsonMapper;

	private final long maxAgeSeconds;

	private final IdGenerator ids = new AlternativeJdkIdGenerator();

	GetRequests(WebGraphQlHandler graphQlHandler, JsonMapper jsonMapper, long maxAgeSeconds) {
		this.graphQlHandler = graphQlHandler;
		this.jsonMapper = jsonMapper;
		this.maxAgeSeconds = maxAgeSeconds;
	}

	ServerResponse handle(ServerRequest request) {
		Map<String, Object> body = new HashMap<>();
		try {
			body.put("variables", jsonParameter(request, "variables"));
			body.put("extensions", extensions(request));
		}
		catch (JacksonException | ClassCastException ex) {
			return requestError("The variables and extensions parameters must be URL-encoded JSON objects.");
		}
		Optional<String> query = request.param("query");
		@SuppressWarnings("unchecked")
		Map<String, Object> extensions = (Map<String, Object>) body.get("extensions");
		boolean persisted = query.isEmpty() && DocumentIdentity.namesPersistedDocument(extensions);
		if (query.isEmpty() && !persisted) {
			return requestError("A GET request needs a query, a documentId or a persisted-query hash.");
		}
		body.put("query", query.orElse(PersistedQuerySupport.PERSISTED_QUERY_MARKER));
		request.param("operationName").ifPresent(name -> body.put("operationName", name));
		WebGraphQlResponse response = execute(request, body);
		MediaType mediaType = responseMediaType(request);
		if (Boolean.TRUE.equals(response.getExecutionInput().getGraphQLContext().get(MUTATION_REFUSED))) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.header(HttpHeaders.ALLOW, "POST")
				.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
				.contentType(mediaType)
				.body(json(response.toMap()));
		}
		byte[] json = json(response.toMap());
		HttpStatus status = GatewayGraphQlHttpHandler.isRateLimited(response) ? HttpStatus.TOO_MANY_REQUESTS
				: (mediaType.equals(GRAPHQL_RESPONSE) && !response.isValid()) ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
		if (!persisted || !response.getErrors().isEmpty()) {
			return ServerResponse.status(status)
				.contentType(mediaType)
				.headers(headers -> headers.addAll(response.getResponseHeaders()))
				.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
				.body(json);
		}
		// The tag covers the data only: extensions such as the rate-limit budget change
		// with every
		// request without changing what the client would cache.
		String etag = "\"" + sha256(json(Collections.singletonMap("data", response.getData()))) + "\"";
		String cacheControl = "private, max-age=" + this.maxAgeSeconds;
		if (matches(request.headers().header(HttpHeaders.IF_NONE_MATCH), etag)) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED)
				.headers(headers -> headers.addAll(response.getResponseHeaders()))
				.eTag(etag)
				.header(HttpHeaders.CACHE_CONTROL, cacheControl)
				.build();
		}
		return ServerResponse.ok()
			.contentType(mediaType)
			.headers(headers -> headers.addAll(response.getResponseHeaders()))
			.eTag(etag)
			.header(HttpHeaders.CACHE_CONTROL, cacheControl)
			.body(json);
	}

	private WebGraphQlResponse execute(ServerRequest request, Map<String, Object> body) {
		WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
				new LinkedMultiValueMap<>(), request.remoteAddress().orElse(null), request.attributes(), body,
				this.ids.generateId().toString(), LocaleContextHolder.getLocale());
		graphQlRequest
			.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(SENT_WITH_GET, true)).build());
		// The servlet thread waits either way; the gateway's data fetchers complete on
		// it.
		return this.graphQlHandler.handleRequest(graphQlRequest).block();
	}

	private Map<String, Object> extensions(ServerRequest request) {
		Map<String, Object> extensions = new LinkedHashMap<>(jsonParameter(request, "extensions"));
		request.param(DocumentIdentity.DOCUMENT_ID).ifPresent(id -> extensions.put(DocumentIdentity.DOCUMENT_ID, id));
		return extensions;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> jsonParameter(ServerRequest request, String name) {
		Optional<String> value = request.param(name);
		if (value.isEmpty() || value.get().isBlank()) {
			return Map.of();
		}
		Object parsed = this.jsonMapper.readValue(value.get(), Object.class);
		return (parsed == null) ? Map.of() : (Map<String, Object>) parsed;
	}

	/**
	 * GraphQL over HTTP's media type when the client asks for it by name, else
	 * {@code application/json}: what the specification says for clients of before it, and
	 * what Spring's POST handler answers too (also for {@code *}{@code /*}).
	 */
	private static MediaType responseMediaType(ServerRequest request) {
		for (MediaType accepted : request.headers().accept()) {
			if (!accepted.isWildcardType() && !accepted.isWildcardSubtype() && accepted.includes(GRAPHQL_RESPONSE)) {
				return GRAPHQL_RESPONSE;
			}
		}
		return MediaType.APPLICATION_JSON;
	}

	private static boolean matches(List<String> ifNoneMatch, String etag) {
		for (String header : ifNoneMatch) {
			for (String tag : header.split(",")) {
				String trimmed = tag.trim();
				if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
					return true;
				}
			}
		}
		return false;
	}

	private ServerResponse requestError(String message) {
		Map<String, Object> error = Map.of("message", message, "extensions", Map.of("code", "BAD_USER_INPUT"));
		return ServerResponse.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(json(Map.of("errors", List.of(error))));
	}

	private byte[] json(Object value) {
		return this.jsonMapper.writeValueAsBytes(value);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
