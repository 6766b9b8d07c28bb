package com.acme.gateway.documents;

import java.io.IOException;
import java.util.List;

import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * The JSON converter of the GraphQL endpoint, reading request bodies as
 * {@link DocumentIdRequest} so that a {@code documentId} field is kept; everything else
 * is Jackson's own converter.
 */
final class DocumentIdRequestConverter implements HttpMessageConverter<Object> {

	private final JacksonJsonHttpMessageConverter delegate;

	DocumentIdRequestConverter(JacksonJsonHttpMessageConverter delegate) {
		this.delegate = delegate;
	}

	@Override
	public Object read(Class<?> type, HttpInputMessage input) throws IOException {
		Class<?> target = SerializableGraphQlRequest.class.equals(type) ? DocumentIdRequest.class : type;
		return this.delegate.read(target, input);
	}

	@Override
	public boolean canRead(Class<?> type, MediaType mediaType) {
		return this.delegate.canRead(type, mediaType);
	}

	@Override
	public boolean canWrite(Class<?> type, MediaType mediaType) {
		return this.delegate.canWrite(type, mediaType);
	}

	@Override
	public List<MediaType> getSupportedMediaTypes() {
		return this.delegate.getSupportedMediaTypes();
	}

	@Override
	public void write(Object value, MediaType contentType, HttpOutputMessage output) throws IOException {
		this.delegate.write(value, contentType, output);
	}

}
