package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/**
 * Every type, field, argument, input field and enum value of the SDL carries a
 * description, so an analyst reads the documentation in GraphiQL's Docs tab rather than
 * guessing.
 */
class SchemaDescriptionsTests {

	@Test
	void everyTypeFieldArgumentAndEnumValueIsDescribed() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("schema"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".graphqls")).toList()) {
				registry.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		List<String> undescribed = new ArrayList<>();
		for (TypeDefinition<?> type : registry.types().values()) {
			String name = type.getName();
			if (type instanceof ObjectTypeDefinition object) {
				check(undescribed, name, object.getDescription(),
						object.getName().equals("Query") || object.getName().equals("Mutation"));
				object.getFieldDefinitions().forEach(field -> checkField(undescribed, name, field));
			}
			else if (type instanceof InputObjectTypeDefinition input) {
				check(undescribed, name, input.getDescription(), false);
				input.getInputValueDefinitions()
					.forEach(value -> check(undescribed, name + "." + value.getName(), value.getDescription(), false));
			}
			else if (type instanceof EnumTypeDefinition enumeration) {
				check(undescribed, name, enumeration.getDescription(), false);
				enumeration.getEnumValueDefinitions()
					.forEach(value -> check(undescribed, name + "." + value.getName(), value.getDescription(), false));
			}
		}
		registry.objectTypeExtensions()
			.forEach((name, extensions) -> extensions.forEach(extension -> extension.getFieldDefinitions()
				.forEach(field -> checkField(undescribed, name, field))));
		registry.scalars()
			.values()
			.stream()
			.filter(scalar -> scalar.getName().equals("DateTime"))
			.forEach(scalar -> check(undescribed, scalar.getName(), scalar.getDescription(), false));

		assertThat(undescribed).as("schema elements without a description").isEmpty();
	}

	private static void checkField(List<String> undescribed, String typeName, FieldDefinition field) {
		String path = typeName + "." + field.getName();
		check(undescribed, path, field.getDescription(), false);
		for (InputValueDefinition argument : field.getInputValueDefinitions()) {
			check(undescribed, path + "(" + argument.getName() + ")", argument.getDescription(), false);
		}
	}

	private static void check(List<String> undescribed, String path, Description description, boolean rootType) {
		if (!rootType && (description == null || description.getContent().isBlank())) {
			undescribed.add(path);
		}
	}

}
