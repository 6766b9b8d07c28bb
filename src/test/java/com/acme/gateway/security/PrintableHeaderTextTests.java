package com.acme.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The loops must accept and refuse exactly what Spring Security's default firewall rules
 * do with their regular expressions ({@link StrictHttpFirewall#ALLOWED_HEADER_NAMES} and
 * {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES}), over every code point.
 */
class PrintableHeaderTextTests {

	@Test
	void everyCodePointInAValueIsJudgedAsTheDefaultRuleJudgesIt() {
		assertThat(disagreements(StrictHttpFirewall.ALLOWED_HEADER_VALUES, PrintableHeaderText.VALUES)).isEmpty();
		assertThat(PrintableHeaderText.VALUES.test("tab\there")).isTrue();
		assertThat(PrintableHeaderText.VALUES.test("nul\u0000")).isFalse();
	}

	@Test
	void everyCodePointInANameIsJudgedAsTheDefaultRuleJudgesIt() {
		assertThat(disagreements(StrictHttpFirewall.ALLOWED_HEADER_NAMES, PrintableHeaderText.NAMES)).isEmpty();
		assertThat(PrintableHeaderText.NAMES.test("X-\tTab")).isFalse();
	}

	@Test
	void textsThatMixCharactersAreJudgedAlike() {
		List<String> texts = List.of("", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", "application/json", "caf\u00e9",
				"\ud83d\ude00 emoji", "\ud83d lone high surrogate", "lone low \ude00", "tab\there", "nul\u0000",
				"del\u007f", "c1\u0085", "unassigned\u0378", "private\ue000", "line\nbreak", "x".repeat(100_000));
		for (String text : texts) {
			String label = text.length() > 40 ? "long text" : text;
			assertThat(PrintableHeaderText.VALUES.test(text)).as(label)
				.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
			assertThat(PrintableHeaderText.NAMES.test(text)).as(label)
				.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
		}
	}

	@Test
	void aFirewallGivenTheRulesStillRefusesAControlCharacter() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(PrintableHeaderText.NAMES);
		firewall.setAllowedHeaderValues(PrintableHeaderText.VALUES);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.addHeader("X-Probe", "bell\u0007");
		request.addHeader("X-Fine", "caf\u00e9\tok");

		assertThat(firewall.getFirewalledRequest(request).getHeader("X-Fine")).isEqualTo("caf\u00e9\tok");
		assertThatThrownBy(() -> firewall.getFirewalledRequest(request).getHeader("X-Probe"))
			.isInstanceOf(RequestRejectedException.class);
	}

	/** Code points the two rules judge differently, each tested between two letters. */
	private static List<Integer> disagreements(Predicate<String> springs, Predicate<String> gateways) {
		List<Integer> disagreements = new ArrayList<>();
		int refused = 0;
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + new String(Character.toChars(codePoint)) + "b";
			boolean accepted = springs.test(text);
			if (accepted != gateways.test(text)) {
				disagreements.add(codePoint);
			}
			refused += accepted ? 0 : 1;
		}
		// The rules do refuse something: the control characters and the unassigned code
		// points.
		assertThat(refused).isGreaterThan(64);
		return disagreements;
	}

}
