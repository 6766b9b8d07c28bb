package com.acme.gateway.sequencestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.acme.gateway.support.IntegrationTest;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * A query that joins a link reads only the columns its selection of the link asks for
 * ({@link com.acme.gateway.database.Columns#forNames}). Every field of every linked type,
 * asked for alone, must still answer what the whole row (read through the DataLoaders)
 * answers: a field mapped to the wrong column, or to none, reads null or another value
 * here.
 */
class LinkColumnsIntegrationTests extends IntegrationTest {

	private static final List<String> LINKS = List.of("prospect", "account", "sequence", "sequenceStep", "mailbox",
			"opportunity", "creator", "batchItemCreator");

	@Autowired
	private GraphQlSource graphQlSource;

	private long state;

	@BeforeEach
	void aStateWithEveryLink() {
		this.state = this.fixtures.fullyLinkedState(this.fixtures.world(), row -> {
		});
	}

	@Test
	void eachFieldOfEachLinkAskedForAloneAnswersAsTheWholeRowDoes() {
		Map<String, Map<String, Object>> whole = wholeRowsThroughDataLoaders();
		List<String> checked = new ArrayList<>();
		for (String link : LINKS) {
			for (GraphQLFieldDefinition field : rowFields(link)) {
				Map<String, Object> alone = joinedAlone(link, selection(field));

				assertThat(alone).as("%s.%s", link, field.getName())
					.containsEntry(field.getName(), whole.get(link).get(field.getName()));
				assertThat(alone.get(field.getName())).as("%s.%s", link, field.getName()).isNotNull();
				checked.add(link + "." + field.getName());
			}
		}
		assertThat(checked).hasSizeGreaterThan(40);
	}

	@Test
	void theStatementSelectsOnlyTheColumnsTheSelectionAsksFor() {
		this.statements.reset();
		this.graphQlTester.document(
				"{ sequenceStates(first: 1) { edges { node { prospect { firstName } sequence { __typename } } } } }")
			.execute()
			.path("sequenceStates.edges[0].node.prospect.firstName")
			.entity(String.class)
			.isEqualTo("Ada");

		assertThat(this.statements.count()).isEqualTo(1);
		assertThat(this.statements.lastSql()).contains("\"prospect\".\"first_name\"", "\"sequence\".\"id\"")
			.doesNotContain("\"prospect\".\"last_name\"", "\"prospect\".\"emails\"", "\"sequence\".\"name\"");
	}

	@Test
	void aPageWithoutLinksStillReadsEveryColumnOfTheState() {
		this.graphQlTester.document("{ sequenceStates(first: 1) { edges { node { id state createdAt } } } }")
			.execute()
			.path("sequenceStates.edges[0].node.state")
			.entity(String.class)
			.isEqualTo("ACTIVE");
	}

	private GraphQLObjectType linkedType(String link) {
		GraphQLObjectType state = (GraphQLObjectType) this.graphQlSource.schema().getType("SequenceState");
		return (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(state.getFieldDefinition(link).getType());
	}

	/**
	 * The linked type's fields that come from its row: its columns and to-one links, not
	 * a connection such as {@code Prospect.sequenceStates}, which is a query of its own.
	 */
	private List<GraphQLFieldDefinition> rowFields(String link) {
		return linkedType(link).getFieldDefinitions()
			.stream()
			.filter(field -> !GraphQLTypeUtil.unwrapAll(field.getType()).getName().endsWith("Connection"))
			.toList();
	}

	/** The field itself, or its id for a field of an object type. */
	private static String selection(GraphQLFieldDefinition field) {
		return (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType) ? field.getName() + " { id }"
				: field.getName();
	}

	private Map<String, Object> joinedAlone(String link, String selection) {
		return this.graphQlTester
			.document("query($id: ID!) { sequenceState(id: $id) { " + link + " { " + selection + " } } }")
			.variable("id", String.valueOf(this.state))
			.execute()
			.path("sequenceState." + link)
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	/**
	 * Every field of every link, read through a mutation's result, which joins nothing:
	 * its links come whole from the DataLoaders. Pausing and resuming leaves the links as
	 * they were.
	 */
	private Map<String, Map<String, Object>> wholeRowsThroughDataLoaders() {
		String links = LINKS.stream()
			.map(link -> link + " { "
					+ rowFields(link).stream()
						.map(LinkColumnsIntegrationTests::selection)
						.collect(Collectors.joining(" "))
					+ " }")
			.collect(Collectors.joining(" "));
		this.graphQlTester.document("mutation($id: ID!) { pauseSequenceState(id: $id) { id } }")
			.variable("id", String.valueOf(this.state))
			.execute()
			.path("pauseSequenceState.id")
			.hasValue();
		return this.graphQlTester.document("mutation($id: ID!) { resumeSequenceState(id: $id) { " + links + " } }")
			.variable("id", String.valueOf(this.state))
			.execute()
			.path("resumeSequenceState")
			.entity(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() {
			})
			.get();
	}

}
