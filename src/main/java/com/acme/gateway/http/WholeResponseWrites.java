package com.acme.gateway.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends each response of up to {@link HttpProperties#writeBufferSize()} in one socket
 * write.
 * <p>
 * Tomcat buffers 8 KB of a response, then sends it chunked, and copies what it sends
 * through an 8 KB socket buffer, one {@code write} call per 8 KB. A 50-state page is 45
 * KB: six writes, and on loopback each write also runs the receiver's TCP work on the
 * sending thread (BENCHMARKS.md, "Code shaped by measurements"). The response buffer lets
 * Tomcat send a {@code Content-Length} instead of chunks; the socket buffer lets it write
 * the whole response at once.
 */
@Configuration(proxyBeanMethods = false)
class WholeResponseWrites {

	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(HttpProperties properties) {
		return connector -> connector.setProperty("socket.appWriteBufSize",
				Integer.toString(properties.writeBufferBytes()));
	}

	@Bean
	FilterRegistrationBean<ResponseBufferFilter> responseBufferFilter(HttpProperties properties) {
		FilterRegistrationBean<ResponseBufferFilter> registration = new FilterRegistrationBean<>(
				new ResponseBufferFilter(properties.writeBufferBytes()));
		// Before anything can write to the response: the buffer can only grow while it is
		// empty.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Sizes the response buffer of every request; Tomcat keeps the grown buffer for the
	 * next request.
	 */
	static class ResponseBufferFilter extends OncePerRequestFilter {

		private final int size;

		ResponseBufferFilter(int size) {
			this.size = size;
		}

		/**
		 * An event stream is written event by event: a bigger buffer would only hold
		 * memory per stream.
		 */
		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String accept = request.getHeader("Accept");
			return accept != null && accept.contains("text/event-stream");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			response.setBufferSize(this.size);
			chain.doFilter(request, response);
		}

	}

}
