package com.acme.gateway.security;

import java.util.List;
import java.util.Optional;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import reactor.core.publisher.Flux;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Refuses a root field (query, mutation or subscription) whose scope the token lacks,
 * before its data fetcher runs: the field gets a {@code FORBIDDEN} error at its own path,
 * the other fields of the request still answer, and a refused mutation writes nothing
 * because its controller is never called.
 * <p>
 * It wraps the data fetcher of every field of the {@code Query}, {@code Mutation} and
 * {@code Subscription} types once, when the schema is built, rather than annotating
 * controller methods, so that the rule of {@link ScopeRequirements} covers every root
 * field of the schema, including ones added later by code that knows nothing about
 * scopes. Wrapping at build time instead of instrumenting every fetch leaves the
 * thousands of nested fields of a large page untouched: an instrumentation sees every
 * field and had to build each one's fetching environment to tell root fields apart.
 */
@Component
public class ScopeGuard implements GraphQlSourceBuilderCustomizer {

	/**
	 * The root operation types' names; {@code ScopeIntegrationTests} fails if the schema
	 * renames them.
	 */
	static final String QUERY = "Query";

	static final String MUTATION = "Mutation";

	static final String SUBSCRIPTION = "Subscription";

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.typeVisitors(List.of(new RootFieldVisitor()));
	}

	private static final class RootFieldVisitor extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			if (!(context.getParentNode() instanceof GraphQLObjectType parent)) {
				return TraversalControl.CONTINUE;
			}
			boolean mutation = MUTATION.equals(parent.getName());
			boolean subscription = SUBSCRIPTION.equals(parent.getName());
			if (!mutation && !subscription && !QUERY.equals(parent.getName())) {
				return TraversalControl.CONTINUE;
			}
			Optional<Scope> required = ScopeRequirements.forRootField(mutation, field.getName());
			if (required.isPresent()) {
				GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
				FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
				DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
				registry.dataFetcher(coordinates, guard(fetcher, required.get(), field.getName(), subscription));
			}
			return TraversalControl.CONTINUE;
		}

		/**
		 * A subscription is refused by a stream that fails at once rather than by a
		 * throw: both transports then end that subscription with the error (a throw would
		 * leave the SSE handler without a stream, and it would answer with an unrelated
		 * error).
		 */
		private static DataFetcher<?> guard(DataFetcher<?> fetcher, Scope required, String fieldName,
				boolean subscription) {
			return environment -> {
				CurrentUser user = environment.getGraphQlContext().get(CurrentUser.CONTEXT_KEY);
				if (user == null || !user.grants(required)) {
					GatewayException refusal = new GatewayException(ErrorCode.FORBIDDEN, "This token lacks the scope "
							+ required.claimValue() + " (or sequenceStates.all) needed for " + fieldName + ".");
					if (subscription) {
						return Flux.error(refusal);
					}
					throw refusal;
				}
				return fetcher.get(environment);
			};
		}

	}

}
