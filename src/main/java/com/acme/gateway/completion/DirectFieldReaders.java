package com.acme.gateway.completion;

import java.util.Map;

import graphql.schema.FieldCoordinates;

/**
 * Implemented by beans that wire data fetchers which can also be read directly; every
 * such bean's readers are handed to {@link DirectCompletionStrategy}.
 */
public interface DirectFieldReaders {

	Map<FieldCoordinates, DirectFieldReader> directFieldReaders();

}
