package com.acme.gateway.security;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Every request needs a bearer token except the GraphiQL page and its bundled assets
 * (static; the token goes into its Headers tab), the health and info endpoints (load
 * balancers do not carry tokens) and the WebSocket handshake on
 * {@code spring.graphql.websocket.path}, whose token arrives in the connection's first
 * message ({@link WebSocketAuthentication}). Which operations a token allows is decided
 * per root GraphQL field by {@link ScopeGuard}, since all of them arrive at the same URL
 * (as a POST, or a GET for queries).
 *
 * <p>
 * Only in a web application: the demo-data load runs without a web server
 * ({@code --spring.main.web-application-type=none}), where there is no request to secure
 * and no token issuer needs configuring.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

	@Bean
	TokenAuthenticator tokenAuthenticator(ObjectProvider<JwtDecoder> decoders, CurrentUserConverter converter) {
		return new TokenAuthenticator(JwtConfigurationCheck.requireDecoder(decoders), converter);
	}

	@Bean
	WebSocketAuthentication webSocketAuthentication(TokenAuthenticator tokens) {
		return new WebSocketAuthentication(tokens);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, TokenAuthenticator tokens,
			CurrentUserConverter converter, GraphQlProperties graphQlProperties, JsonMapper json) throws Exception {
		JwtDecoder decoder = tokens.decoder();
		GraphQlErrorBody errorBody = new GraphQlErrorBody(json);
		GraphQlAuthenticationEntryPoint entryPoint = new GraphQlAuthenticationEntryPoint(errorBody);
		http.authorizeHttpRequests(requests -> requests
			// Error dispatches render what an already-checked request produced; checking
			// them again
			// would turn a 404 or 400 into a 401.
			.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/graphiql", "/graphiql/assets/**")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			// The WebSocket handshake: its token comes in the first message
			// (WebSocketAuthentication).
			// Only upgrade requests match, and Spring's WebSocket mapping takes every one
			// of them
			// before the GET route, so no query runs unauthenticated this way.
			.requestMatchers(webSocketUpgrade(graphQlProperties.getWebsocket().getPath()))
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer(
					resourceServer -> resourceServer.bearerTokenResolver(new AuthorizationHeaderTokenResolver())
						.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
						.authenticationEntryPoint(entryPoint)
						.accessDeniedHandler(accessDenied(errorBody)))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied(errorBody)))
			// Bearer tokens only: no session to fixate, no cookie for CSRF to ride on.
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			// Nothing to log out of without a session, and nothing here reads the user
			// through the
			// servlet API (CurrentUserRequestFilter takes it from the security context):
			// both
			// filters only matched or wrapped every request.
			.logout(logout -> logout.disable())
			.servletApi(servletApi -> servletApi.disable())
			.addFilterAfter(new CurrentUserRequestFilter(), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	private static RequestMatcher webSocketUpgrade(String path) {
		if (path == null) {
			return request -> false;
		}
		RequestMatcher get = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path);
		return request -> get.matches(request) && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
	}

	private static AccessDeniedHandler accessDenied(GraphQlErrorBody errorBody) {
		return (request, response, exception) -> errorBody.write(response, 403, "FORBIDDEN",
				"This token does not allow this request.", Map.of());
	}

	/**
	 * Spring Security's default firewall with its default header rules written as loops
	 * instead of regular expressions ({@link PrintableHeaderText}); every other check
	 * stays as it is.
	 */
	@Bean
	WebSecurityCustomizer headerCheckingFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(PrintableHeaderText.NAMES);
		firewall.setAllowedHeaderValues(PrintableHeaderText.VALUES);
		return web -> web.httpFirewall(firewall);
	}

	/**
	 * No observation around every security filter: the decorator that records them
	 * wrapped each request in a dozen observations, more work than a small query's own
	 * (BENCHMARKS.md, "Code shaped by measurements"). Request latency stays measured by
	 * the HTTP server observation.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

}
