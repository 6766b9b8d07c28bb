package com.acme.gateway.filter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * A short fingerprint of a filter argument, stored in cursors so that a cursor is refused
 * under another filter: resuming a keyset page of one filter with another would skip or
 * repeat rows without any error. Two filters with the same fields in another order count
 * as different, which errs on the side of refusing.
 */
public final class FilterSignature {

	private FilterSignature() {
	}

	public static String of(Map<String, Object> filter) {
		if (filter == null || filter.isEmpty()) {
			return "";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(filter.toString().getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
