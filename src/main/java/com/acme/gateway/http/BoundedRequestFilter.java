package com.acme.gateway.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads each request body itself, counting the bytes as they arrive, and refuses a body
 * (or a GET query string) larger than {@link RequestBodyProperties#maxRequestSize()} with
 * HTTP 413 and one {@code LIMIT_EXCEEDED} error, before Jackson or GraphQL see a byte of
 * it.
 * <p>
 * Neither Tomcat nor Spring bound a JSON body: Tomcat's {@code maxPostSize} counts only
 * form posts, {@code maxSwallowSize} only the unread rest after a response, and Spring's
 * multipart limits only multipart. A declared {@code Content-Length} above the limit is
 * refused unread; a chunked body is read up to one byte past the limit and no further.
 * The status 413 makes Tomcat close the connection instead of reading the rest of the
 * body. What the handler reads is then the bytes read here, so a body is in memory at
 * most once more, and never beyond the limit.
 * <p>
 * The same read has a deadline ({@link RequestBodyProperties#maxBodyReadTime()}):
 * Tomcat's connection timeout bounds the wait for each packet, not for the body, so a
 * client sending one byte a second would otherwise hold a request thread for as long as
 * it likes.
 */
class BoundedRequestFilter extends OncePerRequestFilter {

	private final RequestBodyProperties properties;

	private final JsonMapper json;

	BoundedRequestFilter(RequestBodyProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int limit = this.properties.maxRequestBytes();
		String queryString = request.getQueryString();
		if (request.getContentLengthLong() > limit || (queryString != null && queryString.length() > limit)) {
			refuseTooLarge(response);
			return;
		}
		if (!hasBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		try {
			body = readBounded(request.getInputStream(), limit, request.getContentLength());
		}
		catch (BodyTooLargeException tooLarge) {
			refuseTooLarge(response);
			return;
		}
		catch (BodyTooSlowException tooSlow) {
			refuse(response, HttpStatus.REQUEST_TIMEOUT, ErrorCode.LIMIT_EXCEEDED,
					"The request body did not arrive within " + this.properties.maxBodyReadTime().toSeconds()
							+ " s (gateway.http.max-body-read-time); send it at once.");
			return;
		}
		chain.doFilter(new ReadBodyRequest(request, body), response);
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	private byte[] readBounded(InputStream input, int limit, int declaredLength) throws IOException {
		long deadline = System.nanoTime() + this.properties.maxBodyReadTime().toNanos();
		ByteArrayOutputStream body = new ByteArrayOutputStream(declaredLength > 0 ? declaredLength : 1024);
		byte[] chunk = new byte[8192];
		int read;
		// One byte past the limit is enough to know a body is too large; the rest is
		// never read.
		while ((read = input.read(chunk, 0, Math.min(chunk.length, limit + 1 - body.size()))) != -1) {
			body.write(chunk, 0, read);
			if (body.size() > limit) {
				throw new BodyTooLargeException();
			}
			if (System.nanoTime() - deadline > 0) {
				throw new BodyTooSlowException();
			}
		}
		return body.toByteArray();
	}

	private void refuseTooLarge(HttpServletResponse response) throws IOException {
		refuse(response, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.LIMIT_EXCEEDED,
				"The request is larger than the limit of " + this.properties.maxRequestBytes()
						+ " bytes (gateway.http.max-request-size); send a smaller request.");
	}

	/** A GraphQL-shaped error, and no {@code data}: nothing of the request ran. */
	private void refuse(HttpServletResponse response, HttpStatus status, ErrorCode code, String message)
			throws IOException {
		response.setStatus(status.value());
		// Tomcat would otherwise read and discard the unread body to keep the connection
		// alive.
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		Map<String, Object> error = Map.of("message", message, "extensions", Map.of("code", code.name()));
		this.json.writeValue(response.getOutputStream(), Map.of("errors", List.of(error)));
	}

	private static final class BodyTooLargeException extends IOException {

	}

	private static final class BodyTooSlowException extends IOException {

	}

	/**
	 * The request with its body already read: handlers read the bytes
	 * {@link BoundedRequestFilter} counted.
	 */
	private static final class ReadBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream input = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return input.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return input.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return input.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			Charset charset = (getCharacterEncoding() != null) ? Charset.forName(getCharacterEncoding())
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
