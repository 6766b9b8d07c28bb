package com.acme.gateway.graphql;

/** An argument value the gateway cannot use ({@link ErrorCode#BAD_USER_INPUT}). */
public class InvalidInputException extends GatewayException {

	public InvalidInputException(String message) {
		super(ErrorCode.BAD_USER_INPUT, message);
	}

}
