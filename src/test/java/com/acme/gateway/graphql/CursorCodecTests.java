package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
	void threadsEncodingAtOnceEachGetTheirOwnCursors() throws Exception {
		// The codec keeps a keyed Mac per thread; one shared Mac would mix the threads'
		// inputs.
		String expected = this.codec.encode("id+|", List.of("7"));
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<String>>> results = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				int id = thread;
				results.add(threads.submit(() -> {
					List<String> cursors = new ArrayList<>();
					for (int i = 0; i < 2_000; i++) {
						cursors.add(this.codec.encode("id+|", List.of((i % 2 == 0) ? "7" : "thread " + id)));
					}
					return cursors;
				}));
			}
			for (int thread = 0; thread < 4; thread++) {
				List<String> cursors = results.get(thread).get();
				for (int i = 0; i < cursors.size(); i++) {
					if (i % 2 == 0) {
						assertThat(cursors.get(i)).isEqualTo(expected);
					}
					else {
						assertThat(this.codec.decode(cursors.get(i), "id+|", 1)).containsExactly("thread " + thread);
					}
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
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
