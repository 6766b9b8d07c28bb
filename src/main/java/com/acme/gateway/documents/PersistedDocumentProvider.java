package com.acme.gateway.documents;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;
import com.acme.gateway.graphql.ParsedDocumentCache;
import com.acme.gateway.security.CurrentUser;
import com.acme.gateway.security.Scope;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;

/**
 * The one {@link PreparsedDocumentProvider} of the gateway: finds the text of a request
 * (sent, or named by APQ hash or {@code documentId}), refuses untrusted documents in
 * trusted-only mode, and parses and validates each text once per instance through
 * {@link ParsedDocumentCache}, so a persisted document sent by hash and the same text
 * sent in full share one parse.
 * <p>
 * The trust check runs for every request, outside the cache: whether a document may run
 * depends on the caller's scopes, and the cache is shared by every caller.
 */
final class PersistedDocumentProvider implements PreparsedDocumentProvider {

	private final ParsedDocumentCache parsedDocuments;

	private final DocumentManifest manifest;

	private final PersistedDocumentRegistry registry;

	private final boolean trustedOnly;

	private final PersistedQuerySupport persistedQueries = new DocumentIdentity(new RegistryLookup());

	PersistedDocumentProvider(ParsedDocumentCache parsedDocuments, DocumentManifest manifest,
			PersistedDocumentRegistry registry, boolean trustedOnly) {
		this.parsedDocuments = parsedDocuments;
		this.manifest = manifest;
		this.registry = registry;
		this.trustedOnly = trustedOnly;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return this.persistedQueries.getDocumentAsync(input, resolved -> trustedAndParsed(resolved, parseAndValidate))
			.thenApply(entry -> refuseMutationOverGet(entry, input));
	}

	private PreparsedDocumentEntry trustedAndParsed(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String text = input.getQuery();
		if (this.trustedOnly && !this.manifest.contains(text) && !explores(input)) {
			return error(ErrorCode.FORBIDDEN, "Only trusted documents run here: send a document of the manifest "
					+ "(or its documentId), or use a token with the scope " + Scope.EXPLORE.claimValue() + ".");
		}
		return this.parsedDocuments.get(input, parseAndValidate);
	}

	private static boolean explores(ExecutionInput input) {
		CurrentUser user = input.getGraphQLContext().get(CurrentUser.CONTEXT_KEY);
		return user != null && user.grants(Scope.EXPLORE);
	}

	/**
	 * GET is safe by definition (RFC 9110), so a mutation sent with it is refused before
	 * it runs.
	 */
	private static PreparsedDocumentEntry refuseMutationOverGet(PreparsedDocumentEntry entry, ExecutionInput input) {
		if (!Boolean.TRUE.equals(input.getGraphQLContext().get(GetRequests.SENT_WITH_GET)) || entry.hasErrors()
				|| !isMutation(entry.getDocument(), input.getOperationName())) {
			return entry;
		}
		input.getGraphQLContext().put(GetRequests.MUTATION_REFUSED, true);
		return error(ErrorCode.BAD_USER_INPUT, "A mutation must be sent with POST.");
	}

	private static boolean isMutation(Document document, String operationName) {
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			if (operationName == null || operationName.equals(operation.getName())) {
				// Without a name a valid document holds one operation only; with one,
				// names are unique.
				return operation.getOperation() == OperationDefinition.Operation.MUTATION;
			}
		}
		return false;
	}

	private static PreparsedDocumentEntry error(ErrorCode code, String message) {
		return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().errorType(code).message(message).build());
	}

	/**
	 * The texts behind hashes and document ids: the manifest first (an Apollo manifest's
	 * ids are the SHA-256 of the bodies, so a manifest document also answers to its APQ
	 * hash), then the registry. A hash sent with a text registers that text once it
	 * passed validation.
	 */
	private final class RegistryLookup implements PersistedQueryCache {

		@Override
		public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object persistedQueryId,
				ExecutionInput input, PersistedQueryCacheMiss onCacheMiss) {
			if (persistedQueryId instanceof DocumentIdentity.DocumentId documentId) {
				String body = known(documentId.value().startsWith("sha256:") ? documentId.value().substring(7)
						: documentId.value());
				if (body == null) {
					throw new PersistedQueryNotFound(documentId.value());
				}
				return CompletableFuture.completedFuture(onCacheMiss.apply(body));
			}
			String hash = persistedQueryId.toString();
			String body = known(hash);
			if (body != null) {
				return CompletableFuture.completedFuture(onCacheMiss.apply(body));
			}
			String sent = input.getQuery();
			if (sent == null || sent.isBlank() || sent.equals(PersistedQuerySupport.PERSISTED_QUERY_MARKER)) {
				throw new PersistedQueryNotFound(hash);
			}
			// onCacheMiss refuses a text whose hash differs before anything is parsed or
			// stored.
			PreparsedDocumentEntry entry = onCacheMiss.apply(sent);
			if (!entry.hasErrors()) {
				try {
					PersistedDocumentProvider.this.registry.register(hash, sent);
				}
				catch (GatewayException ex) {
					return CompletableFuture.completedFuture(error(ex.code(), ex.getMessage()));
				}
			}
			return CompletableFuture.completedFuture(entry);
		}

		private String known(String id) {
			String body = PersistedDocumentProvider.this.manifest.bodyOf(id);
			return (body != null) ? body : PersistedDocumentProvider.this.registry.find(id);
		}

	}

}
