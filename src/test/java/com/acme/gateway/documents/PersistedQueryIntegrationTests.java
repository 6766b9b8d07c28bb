package com.acme.gateway.documents;

import static com.acme.gateway.database.generated.Tables.PERSISTED_DOCUMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.gateway.graphql.ParsedDocumentCache;
import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Apollo's automatic persisted queries against the shared registry, and queries over GET.
 * Every test uses a document text of its own: the per-instance caches outlive the tables,
 * which every test empties.
 */
class PersistedQueryIntegrationTests extends IntegrationTest {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	@Autowired
	private DSLContext dsl;

	@Autowired
	private PersistedDocumentRegistry registry;

	@Autowired
	private ParsedDocumentCache parsedDocuments;

	@Test
	void answersPersistedQueryNotFoundForUnknownHash() {
		String text = uniqueQuery();
		postAsAdmin(Map.of("extensions", apq(sha256(text)))).expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND")
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void registersHashWithTextThenAnswersHashAlone() {
		String text = uniqueQuery();
		postAsAdmin(Map.of("query", text, "extensions", apq(sha256(text)))).expectBody()
			.jsonPath("$.data.sequenceStates.totalCount")
			.isEqualTo(0)
			.jsonPath("$.errors")
			.doesNotExist();

		postAsAdmin(Map.of("extensions", apq(sha256(text)))).expectBody()
			.jsonPath("$.data.sequenceStates.totalCount")
			.isEqualTo(0)
			.jsonPath("$.errors")
			.doesNotExist();
	}

	/**
	 * What one instance registered, another finds: the row is in PostgreSQL, not in
	 * memory.
	 */
	@Test
	void sharesRegisteredDocumentsThroughTheDatabase() {
		String text = uniqueQuery();
		postAsAdmin(Map.of("query", text, "extensions", apq(sha256(text)))).expectStatus().isOk();
		assertThat(this.dsl.fetchValue(PERSISTED_DOCUMENT.BODY, PERSISTED_DOCUMENT.SHA256_HASH.eq(sha256(text))))
			.isEqualTo(text);

		// A freshly started instance knows neither the hash nor the parsed document.
		this.registry.forgetLocally();
		this.parsedDocuments.clear();

		postAsAdmin(Map.of("extensions", apq(sha256(text)))).expectBody()
			.jsonPath("$.data.sequenceStates.totalCount")
			.isEqualTo(0);
	}

	/**
	 * The entry a hash request parsed is the one a request sending the same text in full
	 * uses.
	 */
	@Test
	void parsesPersistedDocumentOnceForEverySender() {
		String text = uniqueQuery();
		postAsAdmin(Map.of("query", text, "extensions", apq(sha256(text)))).expectStatus().isOk();
		this.registry.forgetLocally();
		this.parsedDocuments.clear();

		postAsAdmin(Map.of("extensions", apq(sha256(text)))).expectStatus().isOk();

		assertThat(this.parsedDocuments.contains(text)).isTrue();
	}

	@Test
	void refusesHashThatIsNotTheTextsSha256() {
		String text = uniqueQuery();
		String otherHash = sha256(uniqueQuery());
		postAsAdmin(Map.of("query", text, "extensions", apq(otherHash))).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_USER_INPUT")
			.jsonPath("$.data")
			.doesNotExist();

		assertThat(this.dsl.fetchCount(PERSISTED_DOCUMENT)).isZero();
	}

	@Test
	void doesNotRegisterInvalidDocument() {
		String text = "{ sequenceStates(first: 1) { noSuchField } } # " + UUID.randomUUID();
		postAsAdmin(Map.of("query", text, "extensions", apq(sha256(text)))).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_USER_INPUT");

		assertThat(this.dsl.fetchCount(PERSISTED_DOCUMENT)).isZero();
	}

	@Test
	void answersQueryOverGetWithVariablesAndNoStore() {
		get("query($id: ID!) { sequenceState(id: $id) { id } }", "{\"id\":\"1\"}", null).expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.expectHeader()
			.doesNotExist(HttpHeaders.ETAG)
			.expectBody()
			.jsonPath("$.data.sequenceState")
			.isEmpty();
	}

	@Test
	void refusesMalformedVariablesOverGet() {
		get("query($id: ID!) { sequenceState(id: $id) { id } }", "{not json", null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void refusesMutationOverGetWithoutRunningIt() {
		this.statements.reset();
		get("mutation { finishSequenceState(id: \"1\") { id } }", null, null).expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST")
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_USER_INPUT");
		assertThat(this.statements.count()).isZero();
	}

	@Test
	void cachesPersistedAnswerOverGetWithEtag() {
		String text = uniqueQuery();
		postAsAdmin(Map.of("query", text, "extensions", apq(sha256(text)))).expectStatus().isOk();
		String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + sha256(text) + "\"}}";

		WebTestClient.ResponseSpec first = get(null, null, extensions).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=60");
		String etag = first.returnResult(String.class).getResponseHeaders().getETag();
		assertThat(etag).startsWith("\"");

		getWithHeaders(null, null, extensions, headers -> headers.setIfNoneMatch(etag)).expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag);
	}

	@Test
	void answersUnknownHashOverGetWithoutCaching() {
		String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + sha256(uniqueQuery()) + "\"}}";
		get(null, null, extensions).expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	/**
	 * GraphQL over HTTP: a request error is 400 for a client that accepts the new media
	 * type.
	 */
	@Test
	void answersGraphqlResponseMediaTypeWhenAskedFor() {
		getWithHeaders("{ noSuchField }", null, null, headers -> headers.setAccept(List.of(GRAPHQL_RESPONSE)))
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(GRAPHQL_RESPONSE)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void refusesGetWithoutDocument() {
		get(null, null, null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_USER_INPUT");
	}

	private WebTestClient.ResponseSpec get(String query, String variables, String extensions) {
		return getWithHeaders(query, variables, extensions, headers -> {
		});
	}

	private WebTestClient.ResponseSpec getWithHeaders(String query, String variables, String extensions,
			java.util.function.Consumer<HttpHeaders> headers) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query != null) {
			parameters.put("query", query);
		}
		if (variables != null) {
			parameters.put("variables", variables);
		}
		if (extensions != null) {
			parameters.put("extensions", extensions);
		}
		return this.webTestClient.get().uri(builder -> {
			parameters.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
			return builder.path("/graphql").build(parameters);
		}).headers(h -> h.setBearerAuth(TestTokens.forUser(this.adminId, TestTokens.ALL))).headers(headers).exchange();
	}

	static Map<String, Object> apq(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	/**
	 * A query no other test sends: the comment makes the text, and so the hash, unique.
	 */
	static String uniqueQuery() {
		return "{ sequenceStates(first: 1) { totalCount } } # " + UUID.randomUUID();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
