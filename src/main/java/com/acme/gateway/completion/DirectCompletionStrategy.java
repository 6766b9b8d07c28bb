package com.acme.gateway.completion;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.SelectionShape;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.MergedField;
import graphql.execution.ResultNodesInfo;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * graphql-java's query strategy, except that an object whose whole selection is plain
 * data (see {@link CompletionPlanner}) is completed in one pass over a compiled plan
 * instead of field by field.
 *
 * <p>
 * Why: a page of 50 sequence states with five linked types is about 2,000 fields. Run
 * field by field, graphql-java builds a step info, a fetching environment, a future and
 * instrumentation calls for each, and that machinery measured most of the gateway's CPU
 * for such a page, far more than the SQL. The data itself is already in memory once the
 * root field has run (one statement reads the states and their joined links), so
 * completing it is only reading record components and serializing scalars, which the plan
 * does directly.
 *
 * <p>
 * What stays the same: root fields and every field with its own resolver run through
 * graphql-java as before (their data fetchers, exception resolvers, scope checks,
 * DataLoaders); values are serialized by the schema's own scalars and enums; the response
 * has the same keys in the same order. When a value does not fit the plan (a null in a
 * non-null field, a future, a value a scalar refuses) the object is completed again the
 * standard way, which reports the problem as graphql-java always does. What differs:
 * instrumentation sees the directly completed object but not its fields one by one (this
 * application's only instrumentation checks whole operations), and with {@code @defer}
 * enabled or a result-node limit set the standard path runs.
 */
public class DirectCompletionStrategy extends AsyncExecutionStrategy {

	/**
	 * A {@code GraphQLContext} key: when set to {@code true}, the request is completed
	 * entirely the standard way. For comparing the two paths on the same data (the
	 * equivalence tests do).
	 */
	public static final String STANDARD_COMPLETION = "gateway.standardCompletion";

	/** Stands for "this selection has no plan", since the plan map holds no nulls. */
	private static final CompletionPlan NO_PLAN = new CompletionPlan(List.of(), List.of());

	private final CompletionPlanner planner;

	/**
	 * Plans by selection, shared by the requests that send the same document, which would
	 * otherwise be planned again for every request (BENCHMARKS.md, "Code shaped by
	 * measurements"). Bounded, since every distinct document (and every set of its
	 * Boolean variables) adds one.
	 */
	private final Cache<SelectionShape, CompletionPlan> plans = Caffeine.newBuilder().maximumSize(10_000).build();

	private final Counter direct;

	private final Counter fallBack;

	/**
	 * @param meters where to count objects completed directly and objects that fell back
	 * to the standard path after trying ({@code gateway.graphql.completions}, tag
	 * {@code path}). A mutation's state with links selected falls back by design (its
	 * links were not read with it); any other steady rate of fall-backs means a plan that
	 * keeps failing, costing time twice
	 */
	public DirectCompletionStrategy(DataFetcherExceptionHandler exceptionHandler,
			Map<FieldCoordinates, DirectFieldReader> readers, MeterRegistry meters) {
		super(exceptionHandler);
		this.planner = new CompletionPlanner(this.fieldCollector, readers);
		this.direct = completions(meters, "direct");
		this.fallBack = completions(meters, "fell-back");
	}

	private static Counter completions(MeterRegistry meters, String path) {
		return Counter.builder("gateway.graphql.completions")
			.description("Objects completed from a compiled plan (direct) or by graphql-java after a plan did not fit")
			.tag("path", path)
			.register(meters);
	}

	@Override
	protected Object executeObject(ExecutionContext execution, ExecutionStrategyParameters parameters) {
		CompletionPlan plan = planFor(execution, parameters);
		if (plan == null) {
			return super.executeObject(execution, parameters);
		}
		Map<String, Object> result;
		try {
			result = plan.complete(parameters.getSource(), parameters.getLocalContext(), Completion.of(execution));
		}
		catch (NotDirect ex) {
			this.fallBack.increment();
			return super.executeObject(execution, parameters);
		}
		this.direct.increment();
		announce(execution, parameters, result);
		return result;
	}

	/**
	 * Tells the DataLoader dispatcher and the instrumentation about the object as
	 * {@code executeObject} would: an object with no field left to fetch. The dispatcher
	 * counts objects per level to know when a level's DataLoaders may run, so skipping
	 * this would stall the DataLoaders of sibling objects completed the standard way.
	 */
	private static void announce(ExecutionContext execution, ExecutionStrategyParameters parameters,
			Map<String, Object> result) {
		execution.getDataLoaderDispatcherStrategy().executeObject(execution, parameters, 0);
		ExecuteObjectInstrumentationContext instrumentation = ExecuteObjectInstrumentationContext
			.nonNullCtx(execution.getInstrumentation()
				.beginExecuteObject(new InstrumentationExecutionStrategyParameters(execution, parameters),
						execution.getInstrumentationState()));
		instrumentation.onDispatched();
		execution.getDataLoaderDispatcherStrategy().executeObjectOnFieldValuesInfo(List.of(), parameters);
		instrumentation.onFieldValuesInfo(List.of());
		instrumentation.onCompleted(result, null);
	}

	/**
	 * The plan for the object these parameters describe, or null. Planned once per
	 * selection ({@link SelectionShape}): the 50 edges of a page share the selection of
	 * their field, and so does every later request with the same document, so they all
	 * share its plan.
	 */
	private CompletionPlan planFor(ExecutionContext execution, ExecutionStrategyParameters parameters) {
		MergedField field = parameters.getField();
		if (field == null || execution.hasIncrementalSupport()
				|| execution.getGraphQLContext().hasKey(ResultNodesInfo.MAX_RESULT_NODES)
				|| Boolean.TRUE.equals(execution.getGraphQLContext().get(STANDARD_COMPLETION))) {
			return null;
		}
		GraphQLObjectType type = parameters.getExecutionStepInfo().getUnwrappedNonNullTypeAs();
		SelectionShape shape = SelectionShape.of(execution.getOperationDefinition(), field.getFields(),
				execution.getCoercedVariables().toMap(), type);
		CompletionPlan plan = this.plans.get(shape, key -> {
			CompletionPlan planned = this.planner.plan(execution, type, parameters.getFields());
			return (planned != null) ? planned : NO_PLAN;
		});
		return (plan != NO_PLAN) ? plan : null;
	}

}
