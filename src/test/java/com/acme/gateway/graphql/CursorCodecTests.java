package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CursorCodecTests {

	private final CursorCodec codec = new CursorCodec("a-test-secret-of-enough-length-123");

	@Test
	void readsBackTheValuesItWrote() {
		List<String> values = Arrays.asList("2019-08-24T14:15:22Z", null, "text with : and 12: inside", "42");

		String cursor = this.codec.encode("updated_at-,id-|", values);

		assertThat(this.codec.decode(cursor, "updated_at-,id-|", 4)).containsExactlyElementsOf(values);
	}

	@Test
	void cursorIsUrlSafe() {
		String cursor = this.codec.encode("id+|", List.of("12345678901234567"));

		assertThat(cursor).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void refusesCursorOfAnotherScope() {
		String cursor = this.codec.encode("id+|", List.of("7"));

		assertThatThrownBy(() -> this.codec.decode(cursor, "id-|", 1)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("another orderBy or filter");
	}

	@Test
	void refusesCursorSignedWithAnotherSecret() {
		String cursor = new CursorCodec("another-secret-of-enough-length-456").encode("id+|", List.of("7"));

		assertThatThrownBy(() -> this.codec.decode(cursor, "id+|", 1)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not issued by this gateway");
	}

	@Test
	void refusesTextThatIsNotBase64() {
		assertThatThrownBy(() -> this.codec.decode("%%%", "id+|", 1)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("malformed");
	}

	@Test
	void refusesHugeCursorBeforeDecodingIt() {
		assertThatThrownBy(() -> this.codec.decode("A".repeat(1_000_000), "id+|", 1))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("malformed");
	}

}
