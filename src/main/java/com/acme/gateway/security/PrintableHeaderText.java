package com.acme.gateway.security;

import java.util.function.Predicate;

/**
 * The rules {@link org.springframework.security.web.firewall.StrictHttpFirewall} applies
 * by default to every header name and value the application reads: each code point must
 * be assigned in Unicode and must not be a control character, except that a value may
 * hold tabs. The firewall states them as regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names,
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} for values); these are the same rules
 * as a loop over the code points, installed through the firewall's own
 * {@code setAllowedHeaderNames} and {@code setAllowedHeaderValues}.
 *
 * <p>
 * Why: the firewall checks on every {@code getHeader} call, a bearer token is several
 * hundred characters, and a regular expression costs more than one pass over them
 * (BENCHMARKS.md, "Code shaped by measurements"). {@code PrintableHeaderTextTests} holds
 * this rule to the firewall's expressions over every code point.
 */
final class PrintableHeaderText implements Predicate<String> {

	static final PrintableHeaderText NAMES = new PrintableHeaderText(false);

	static final PrintableHeaderText VALUES = new PrintableHeaderText(true);

	private final boolean tabAllowed;

	private PrintableHeaderText(boolean tabAllowed) {
		this.tabAllowed = tabAllowed;
	}

	@Override
	public boolean test(String text) {
		int length = text.length();
		int index = 0;
		while (index < length) {
			char next = text.charAt(index);
			// The common case, printable ASCII, without decoding a code point.
			if (next >= 0x20 && next < 0x7f) {
				index++;
				continue;
			}
			int codePoint = text.codePointAt(index);
			boolean allowedControl = codePoint == '\t' && this.tabAllowed;
			if (!Character.isDefined(codePoint) || (Character.isISOControl(codePoint) && !allowedControl)) {
				return false;
			}
			index += Character.charCount(codePoint);
		}
		return true;
	}

}
