package com.acme.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/**
 * Writes a GraphQL-shaped error response ({@code {"errors":[{"message":…,"extensions":{"code":…}}]}})
 * for failures that happen before GraphQL runs: refused tokens, unknown routes, broken requests.
 * Clients then parse one shape whatever went wrong. There is deliberately no {@code data} key: no
 * part of the request was executed.
 * <p>
 * Messages and extension values are written as given, so they must be fixed texts or ids, never
 * exception messages, which can carry SQL or class names.
 */
public final class GraphQlErrorBody {

	private GraphQlErrorBody() {
	}

	public static void write(HttpServletResponse response, int status, String code, String message,
			Map<String, String> extensions) throws IOException {
		StringBuilder json = new StringBuilder("{\"errors\":[{\"message\":").append(quote(message))
			.append(",\"extensions\":{\"code\":")
			.append(quote(code));
		extensions.forEach((key, value) -> json.append(',').append(quote(key)).append(':').append(quote(value)));
		json.append("}}]}");
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(json.toString());
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char character : text.toCharArray()) {
			switch (character) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (character < 0x20) {
						quoted.append(String.format("\\u%04x", (int) character));
					}
					else {
						quoted.append(character);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
