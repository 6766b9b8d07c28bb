package com.acme.gateway.sequencestate;

import java.util.Map;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;

/**
 * A row a mutation names does not exist ({@link ErrorCode#NOT_FOUND}): the sequence state
 * itself, or the prospect, sequence, mailbox or opportunity of a create. The message and
 * the {@code argument} extension name which one, so a client with four ids knows which to
 * fix.
 */
public class RecordNotFoundException extends GatewayException {

	/**
	 * @param thing what is missing in the API's words ({@code "sequence state"},
	 * {@code "mailbox"})
	 * @param argument the argument that named it ({@code "id"},
	 * {@code "input.mailboxId"})
	 */
	public RecordNotFoundException(String thing, String argument, long id) {
		super(ErrorCode.NOT_FOUND, "No %s has id %d (%s)".formatted(thing, id, argument),
				Map.of("id", String.valueOf(id), "argument", argument));
	}

}
