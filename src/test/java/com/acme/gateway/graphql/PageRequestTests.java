package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTests {

	private final PagingProperties limits = new PagingProperties(50, 1000);

	@Test
	void defaultsToFiftyForward() {
		assertThat(PageRequest.of(null, null, null, null, this.limits)).isEqualTo(new PageRequest(50, false, null));
	}

	@Test
	void beforeAlonePagesBackwardWithDefaultSize() {
		assertThat(PageRequest.of(null, null, null, "c", this.limits)).isEqualTo(new PageRequest(50, true, "c"));
	}

	@Test
	void acceptsTheLargestPage() {
		assertThat(PageRequest.of(1000, "c", null, null, this.limits)).isEqualTo(new PageRequest(1000, false, "c"));
	}

	@Test
	void refusesFirstWithBefore() {
		assertThatThrownBy(() -> PageRequest.of(5, null, null, "c", this.limits))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("use last with before");
	}

	@Test
	void refusesLastWithAfter() {
		assertThatThrownBy(() -> PageRequest.of(null, "c", 5, null, this.limits))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("use first with after");
	}

	@Test
	void refusesAfterWithBefore() {
		assertThatThrownBy(() -> PageRequest.of(null, "a", null, "b", this.limits))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("after or before, not both");
	}

	@Test
	void refusesLastAboveTheLimit() {
		assertThatThrownBy(() -> PageRequest.of(null, null, 1001, null, this.limits))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("last must be between 0 and 1000, but was 1001");
	}

}
