package com.acme.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Writes a GraphQL-shaped error response
 * ({@code {"errors":[{"message":…,"extensions":{"code":…}}]}}) for failures that happen
 * before GraphQL runs: refused tokens, unknown routes, broken requests. Clients then
 * parse one shape whatever went wrong. There is deliberately no {@code data} key: no part
 * of the request was executed.
 * <p>
 * Messages and extension values are written as given, so they must be fixed texts or ids,
 * never exception messages, which can carry SQL or class names.
 */
public final class GraphQlErrorBody {

	private final JsonMapper json;

	/**
	 * @param json the application's mapper, so these bodies encode as every other
	 * response does
	 */
	public GraphQlErrorBody(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletResponse response, int status, String code, String message,
			Map<String, String> extensions) throws IOException {
		Map<String, Object> errorExtensions = new LinkedHashMap<>();
		errorExtensions.put("code", code);
		errorExtensions.putAll(extensions);
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("extensions", errorExtensions);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.json.writeValue(response.getOutputStream(), Map.of("errors", List.of(error)));
	}

}
