package com.acme.gateway.graphql;

/**
 * A request larger or costlier than a configured limit
 * ({@link ErrorCode#LIMIT_EXCEEDED}).
 */
public class LimitExceededException extends GatewayException {

	public LimitExceededException(String message) {
		super(ErrorCode.LIMIT_EXCEEDED, message);
	}

}
