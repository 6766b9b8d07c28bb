package com.acme.gateway.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import com.acme.gateway.graphql.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's answer to a request it refuses before any servlet sees it, in the shape of a
 * GraphQL error instead of its HTML page: a request line or headers beyond
 * {@code server.max-http-request-header-size}, or a request line Tomcat cannot parse.
 * Such a request is mapped to no application, so Spring's error page
 * ({@code JsonErrorController}) cannot answer it; the host's error report valve is the
 * one place that can.
 * <p>
 * Tomcat answers both limits with 400; they are told apart here by what it had parsed: a
 * request line too long to parse (a long GET query string) is 414 URI Too Long, headers
 * too large after a complete request line are 431 Request Header Fields Too Large, both
 * {@code LIMIT_EXCEEDED}. Any other refusal keeps its status, as {@code BAD_USER_INPUT}
 * (4xx) or {@code INTERNAL} (5xx). The messages are fixed text: nothing of the request is
 * echoed.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	/** Tomcat's own message for a full header buffer, looked up as Tomcat looks it up. */
	private static final String HEADER_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
		.getString("iib.requestheadertoolarge.error");

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get() || !response.setErrorReported()) {
			return;
		}
		Throwable cause = (throwable != null) ? throwable
				: (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		ErrorCode code;
		String message;
		if (status == 400 && cause instanceof IllegalArgumentException && HEADER_TOO_LARGE.equals(cause.getMessage())) {
			String limit = headerLimit(request);
			code = ErrorCode.LIMIT_EXCEEDED;
			org.apache.coyote.Request parsed = request.getCoyoteRequest();
			// Tomcat sets the protocol even when it gives up inside the request line, so
			// what tells the
			// two apart is a request target it never finished, or no header read yet.
			if (parsed.requestURI().isNull() || parsed.getMimeHeaders().size() == 0) {
				status = 414;
				message = "The request line is longer than the " + limit
						+ " server.max-http-request-header-size allows; send the document in the body of a POST.";
			}
			else {
				status = 431;
				message = "The request headers are larger than the " + limit
						+ " server.max-http-request-header-size allows; send fewer or shorter headers.";
			}
		}
		else if (status < 500) {
			code = ErrorCode.BAD_USER_INPUT;
			message = "The request is malformed (status " + status
					+ "); send a JSON body with a query to POST /graphql.";
		}
		else {
			code = ErrorCode.INTERNAL;
			message = "Internal error (status " + status + ").";
		}
		try {
			response.setStatus(status);
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				// The message is the gateway's own text, with no quote or backslash to
				// escape.
				writer.write("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code.name()
						+ "\"}}]}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone, or the response was committed meanwhile: nothing left
			// to tell it
		}
	}

	private static String headerLimit(Request request) {
		if (request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
			int bytes = http.getMaxHttpRequestHeaderSize();
			return (bytes % 1024 == 0) ? (bytes / 1024) + " KB" : bytes + " bytes";
		}
		return "limit";
	}

}
