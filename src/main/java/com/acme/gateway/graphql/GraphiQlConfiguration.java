package com.acme.gateway.graphql;

import java.time.Duration;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.webmvc.GraphiQlHandler;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves GraphiQL at {@code /graphiql} from the jar alone: the page and every script,
 * style sheet, font and web worker it loads are bundled at build time from
 * {@code graphiql/} (npm packages pinned by its lock file, built by Vite from Maven) into
 * {@code classpath:graphiql/}. The page opens on example tabs, so an analyst's first look
 * is a query that runs.
 *
 * <p>
 * The page is sent with a Content-Security-Policy that allows scripts, workers, fonts and
 * requests from the gateway's own origin only: a bearer token pasted into the Headers tab
 * sits in a page that runs no third-party code and can send it nowhere else. Styles may
 * also be inline because the Monaco editor writes its own {@code <style>} elements at run
 * time, and fonts and images may be {@code data:} URLs because GraphiQL's published style
 * sheet embeds its fonts that way (they travel inside the bundle; no request leaves for
 * them).
 *
 * <p>
 * Boot's own GraphiQL route stays off ({@code spring.graphql.graphiql.enabled=false});
 * {@code gateway.graphiql.enabled=false} removes this one too, for production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.graphiql.enabled", havingValue = "true", matchIfMissing = true)
public class GraphiQlConfiguration {

	/**
	 * The policy sent with the page; see the class comment for why styles may be inline.
	 */
	public static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"worker-src 'self'", "style-src 'self' 'unsafe-inline'", "font-src 'self' data:", "img-src 'self' data:",
			"connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
			"frame-ancestors 'none'");

	private static final String PAGE = "graphiql/index.html";

	private static final String ASSETS = "graphiql/assets/";

	@Bean
	RouterFunction<ServerResponse> graphiQlRoute(@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
		GraphiQlHandler handler = new GraphiQlHandler(graphQlPath, null, new ClassPathResource(PAGE));
		return RouterFunctions.route(RequestPredicates.GET("/graphiql"), handler::handleRequest).and(graphiQlAssets());
	}

	/**
	 * The bundle's file names carry a hash of their content, so a browser may keep them.
	 */
	private static RouterFunction<ServerResponse> graphiQlAssets() {
		String cacheControl = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable().getHeaderValue();
		return RouterFunctions.resources("/graphiql/assets/**", new ClassPathResource(ASSETS),
				(resource, headers) -> headers.setCacheControl(cacheControl));
	}

	/**
	 * The policy as a servlet filter on the page's path, so Spring's
	 * {@link GraphiQlHandler} keeps answering the page (and its redirect that adds
	 * {@code ?path=}) unchanged.
	 */
	@Bean
	FilterRegistrationBean<Filter> graphiQlContentSecurityPolicy() {
		Filter filter = (request, response, chain) -> {
			((HttpServletResponse) response).setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/graphiql");
		return registration;
	}

}
