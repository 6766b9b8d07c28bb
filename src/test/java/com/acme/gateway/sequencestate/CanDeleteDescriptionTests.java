package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/**
 * {@code canDelete} is described in the resource's own words first, then with our
 * precision.
 */
class CanDeleteDescriptionTests {

	@Test
	void canDeleteDescriptionStartsWithTheResourcesSentence() throws IOException {
		TypeDefinitionRegistry registry = new SchemaParser()
			.parse(Files.readString(Path.of("schema/sequence-state-permissions.graphqls")));
		String description = registry.objectTypeExtensions()
			.get("SequenceState")
			.stream()
			.map(ObjectTypeExtensionDefinition::getFieldDefinitions)
			.flatMap(java.util.List::stream)
			.filter(field -> field.getName().equals("canDelete"))
			.map(FieldDefinition::getDescription)
			.findFirst()
			.orElseThrow()
			.getContent();

		assertThat(description).startsWith(
				"A boolean value indicating whether the current API user has delete access to this resource.\nTrue exactly when");
	}

}
