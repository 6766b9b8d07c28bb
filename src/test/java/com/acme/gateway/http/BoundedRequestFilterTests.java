package com.acme.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * The query-string half of the bound, which Tomcat's request-line limit (8 KB by default)
 * hides from the integration tests until {@code server.max-http-request-header-size} is
 * raised.
 */
class BoundedRequestFilterTests {

	private final BoundedRequestFilter filter = new BoundedRequestFilter(
			new RequestBodyProperties(DataSize.ofBytes(100), Duration.ofSeconds(10)), JsonMapper.builder().build());

	@Test
	void refusesQueryStringOverTheLimit() throws Exception {
		MockHttpServletResponse response = get("query=" + "x".repeat(95));

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("\"code\":\"LIMIT_EXCEEDED\"");
	}

	@Test
	void passesQueryStringAtTheLimit() throws Exception {
		MockHttpServletResponse response = get("query=" + "x".repeat(94));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEmpty();
	}

	@Test
	void passesBodyAtTheLimitToTheHandlerWhole() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContent("y".repeat(100).getBytes());
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(100);
	}

	private MockHttpServletResponse get(String queryString) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/graphql");
		request.setQueryString(queryString);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
