package com.acme.gateway.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated {@link CurrentUser} into a request attribute, from where
 * {@link CurrentUserInterceptor} hands it to GraphQL. A request attribute travels with
 * the request whatever thread GraphQL runs on, unlike the security context's
 * thread-local.
 */
class CurrentUserRequestFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = CurrentUser.REQUEST_ATTRIBUTE;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			request.setAttribute(ATTRIBUTE, user);
			if (authentication instanceof CurrentUserAuthentication verified
					&& verified.getCredentials().getExpiresAt() != null) {
				request.setAttribute(TokenExpiry.REQUEST_ATTRIBUTE, verified.getCredentials().getExpiresAt());
			}
		}
		chain.doFilter(request, response);
	}

}
