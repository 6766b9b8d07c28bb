package com.acme.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.acme.gateway.support.IntegrationTest;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * An {@code Instrumentation} bean someone adds runs beside the operation limits instead
 * of being silently replaced by them, and the limits still refuse an operation before it
 * runs.
 */
@Import(AddedInstrumentationIntegrationTests.RecordingInstrumentationConfiguration.class)
class AddedInstrumentationIntegrationTests extends IntegrationTest {

	@Autowired
	private RecordingInstrumentation recording;

	@Test
	void runsAnAddedInstrumentationBean() {
		this.recording.operations.clear();

		this.graphQlTester.document("query StatesPage { sequenceStates(first: 1) { totalCount } }")
			.execute()
			.path("sequenceStates.totalCount")
			.hasValue();

		assertThat(this.recording.operations).containsExactly("StatesPage");
	}

	@Test
	void limitsStillRefuseAnOperationBesideIt() {
		// More aliases than gateway.limits.max-aliases (30).
		this.graphQlTester.document("{" + aliases(31) + " }")
			.execute()
			.errors()
			.expect(error -> "LIMIT_EXCEEDED".equals(error.getExtensions().get("code")))
			.verify();
	}

	private static String aliases(int count) {
		StringBuilder fields = new StringBuilder();
		for (int i = 0; i < count; i++) {
			fields.append(" s").append(i).append(": sequenceStates(first: 1) { totalCount }");
		}
		return fields.toString();
	}

	static class RecordingInstrumentation extends SimplePerformantInstrumentation {

		final List<String> operations = new CopyOnWriteArrayList<>();

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			this.operations.add(String.valueOf(parameters.getExecutionContext().getOperationDefinition().getName()));
			return SimpleInstrumentationContext.noOp();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingInstrumentationConfiguration {

		@Bean
		RecordingInstrumentation recordingInstrumentation() {
			return new RecordingInstrumentation();
		}

	}

}
