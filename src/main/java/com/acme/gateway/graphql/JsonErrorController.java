package com.acme.gateway.graphql;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders every error that never reached GraphQL (unknown path, wrong method, a body that
 * is not JSON, a failure in a filter) in the same shape as GraphQL errors, replacing
 * Spring Boot's Whitelabel page and its JSON with timestamp and path. Browsers get JSON
 * too: an HTML error page is one more place that could leak a stack trace.
 * <p>
 * The message is chosen from the status alone; the exception's message is only logged,
 * since it can name classes or SQL.
 */
@RestController
public class JsonErrorController implements ErrorController {

	private static final Logger logger = LoggerFactory.getLogger(JsonErrorController.class);

	@RequestMapping("${server.error.path:/error}")
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		int status = status(request);
		ErrorCode code;
		String message;
		Map<String, Object> extensions;
		if (status >= 500) {
			String errorId = UUID.randomUUID().toString();
			logger.error("Unexpected failure {} serving {}", errorId,
					request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
			code = ErrorCode.INTERNAL;
			message = "Internal error; quote id " + errorId + " when reporting it.";
			extensions = Map.of("code", code.name(), "errorId", errorId);
		}
		else {
			code = (status == 404) ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT;
			message = (status == 404) ? "There is nothing here; GraphQL requests go to POST /graphql."
					: "The request is malformed (status " + status
							+ "); send a JSON body with a \"query\" to POST /graphql.";
			extensions = Map.of("code", code.name());
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", java.util.List.of(Map.of("message", message, "extensions", extensions))));
	}

	private static int status(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return (status instanceof Integer code && code >= 400) ? code : 500;
	}

}
