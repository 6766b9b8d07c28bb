package com.acme.gateway.graphql;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes and reads opaque keyset cursors. A cursor holds the sort-key values of one row
 * and the <em>scope</em> it was made for (the ordering and filter of the query), signed
 * with an HMAC so a client can neither forge values nor carry a cursor over to another
 * query.
 *
 * <p>
 * The trap: cursors must survive restarts and work on every instance behind a load
 * balancer, so production sets {@code gateway.cursor.secret}; without it a random secret
 * is drawn at start-up and cursors from before a restart are refused as forged.
 *
 * <p>
 * Layout before base64url: a 16-byte truncated HMAC-SHA256, then the UTF-8 body
 * {@code scope} and each value, each as {@code <length>:<text>} (a null value is
 * {@code -:}).
 */
@Component
public class CursorCodec {

	private static final Logger logger = LoggerFactory.getLogger(CursorCodec.class);

	private static final int MAC_LENGTH = 16;

	/** Far above any real cursor; stops a megabyte "cursor" before any decoding work. */
	private static final int MAX_CURSOR_LENGTH = 4096;

	private final SecretKeySpec key;

	/**
	 * One keyed Mac per thread, since a Mac is not thread-safe: looking one up and keying
	 * it for every cursor (51 per page of 50) showed in a page's profile (BENCHMARKS.md,
	 * "Code shaped by measurements").
	 */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	public CursorCodec(@Value("${gateway.cursor.secret:}") String secret) {
		byte[] keyBytes;
		if (secret.isBlank()) {
			logger.warn("gateway.cursor.secret is not set: cursors are signed with a random key and "
					+ "will not survive a restart or work across instances.");
			keyBytes = new byte[32];
			new SecureRandom().nextBytes(keyBytes);
		}
		else {
			keyBytes = secret.getBytes(StandardCharsets.UTF_8);
		}
		this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
	}

	public String encode(String scope, List<String> values) {
		StringBuilder body = new StringBuilder();
		appendPart(body, scope);
		values.forEach(value -> appendPart(body, value));
		byte[] bodyBytes = body.toString().getBytes(StandardCharsets.UTF_8);
		ByteBuffer buffer = ByteBuffer.allocate(MAC_LENGTH + bodyBytes.length);
		buffer.put(mac(bodyBytes), 0, MAC_LENGTH).put(bodyBytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/**
	 * Reads a cursor made by {@link #encode} for the same scope, returning its values.
	 * @throws InvalidInputException when the cursor is malformed, forged, or made for
	 * another ordering or filter
	 */
	public List<String> decode(String cursor, String expectedScope, int expectedValues) {
		if (cursor.length() > MAX_CURSOR_LENGTH) {
			throw malformed();
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(cursor);
		}
		catch (IllegalArgumentException ex) {
			throw malformed();
		}
		if (bytes.length <= MAC_LENGTH) {
			throw malformed();
		}
		byte[] bodyBytes = Arrays.copyOfRange(bytes, MAC_LENGTH, bytes.length);
		byte[] expectedMac = Arrays.copyOf(mac(bodyBytes), MAC_LENGTH);
		if (!MessageDigest.isEqual(expectedMac, Arrays.copyOf(bytes, MAC_LENGTH))) {
			throw new InvalidInputException(
					"The cursor was not issued by this gateway (or has expired); take cursors from pageInfo or edges.");
		}
		List<String> parts = parseParts(new String(bodyBytes, StandardCharsets.UTF_8));
		if (parts.isEmpty() || !expectedScope.equals(parts.get(0)) || parts.size() != expectedValues + 1) {
			throw new InvalidInputException("The cursor belongs to a query with another orderBy or filter; "
					+ "use cursors only with the arguments of the query that returned them.");
		}
		return parts.subList(1, parts.size());
	}

	private static void appendPart(StringBuilder body, String value) {
		if (value == null) {
			body.append("-:");
		}
		else {
			body.append(value.length()).append(':').append(value);
		}
	}

	private static List<String> parseParts(String body) {
		List<String> parts = new ArrayList<>();
		int position = 0;
		try {
			while (position < body.length()) {
				int colon = body.indexOf(':', position);
				String length = body.substring(position, colon);
				if (length.equals("-")) {
					parts.add(null);
					position = colon + 1;
				}
				else {
					int end = colon + 1 + Integer.parseInt(length);
					parts.add(body.substring(colon + 1, end));
					position = end;
				}
			}
		}
		catch (RuntimeException ex) {
			// Only reachable with a valid signature over a body we did not write: treat
			// as malformed.
			throw malformed();
		}
		return parts;
	}

	private byte[] mac(byte[] body) {
		// doFinal leaves the Mac reset, with its key, for the thread's next cursor.
		return this.macs.get().doFinal(body);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private static InvalidInputException malformed() {
		return new InvalidInputException("The cursor is malformed; take cursors from pageInfo or edges.");
	}

}
