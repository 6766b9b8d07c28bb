package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternalErrorMessageTests {

	@Test
	void quotesTheRequestIdAndTheErrorId() {
		assertThat(GatewayExceptionResolver.internalMessage("client-42", "e-1"))
			.isEqualTo("Internal error, request id client-42; quote it and error id e-1 when reporting it.");
	}

	@Test
	void quotesTheErrorIdOutsideAnHttpRequest() {
		assertThat(GatewayExceptionResolver.internalMessage(null, "e-1"))
			.isEqualTo("Internal error; quote id e-1 when reporting it.");
	}

}
