package com.acme.gateway.documents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Persisted and trusted documents, and the caching of GET answers
 * ({@code gateway.documents.*}).
 *
 * @param trustedOnly run only documents of the manifest, unless the token has the scope
 * {@code sequenceStates.explore}
 * @param manifest Apollo's {@code persisted-query-manifest.json} or Relay's {@code {
 * "id": "text" }} JSON ({@code classpath:…} or {@code file:…}); unset means no manifest
 * @param maxRegistered rows the shared registry of automatic persisted queries may hold;
 * beyond them a new registration is refused with {@code LIMIT_EXCEEDED} (registered
 * documents stay)
 * @param maxDocumentSize the largest text that may be registered
 * @param getMaxAge {@code max-age} of a GET answer to a persisted document
 */
@ConfigurationProperties("gateway.documents")
public record DocumentsProperties(@DefaultValue("false") boolean trustedOnly, Resource manifest,
		@DefaultValue("10000") int maxRegistered, @DefaultValue("32KB") DataSize maxDocumentSize,
		@DefaultValue("60s") Duration getMaxAge) {

}
