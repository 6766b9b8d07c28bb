package com.acme.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

class HttpPropertiesTests {

	@Test
	void takesSizesFromTomcatsDefaultToWhatItKeepsBetweenRequests() {
		assertThat(new HttpProperties(DataSize.ofKilobytes(8)).writeBufferBytes()).isEqualTo(8192);
		assertThat(new HttpProperties(DataSize.ofKilobytes(128)).writeBufferBytes()).isEqualTo(131072);
	}

	@Test
	void rejectsSizesOutsideThatRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HttpProperties(DataSize.ofBytes(8191)))
			.withMessageContaining("gateway.http.write-buffer-size must be between 8KB and 128KB");
		assertThatIllegalArgumentException().isThrownBy(() -> new HttpProperties(DataSize.ofKilobytes(129)));
		assertThatIllegalArgumentException().isThrownBy(() -> new HttpProperties(DataSize.ofMegabytes(1)));
	}

}
