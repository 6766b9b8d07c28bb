package com.acme.gateway.federation;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.NodePackages;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway behind a real router: Apollo Gateway ({@code @apollo/gateway}, Node)
 * composes this subgraph's {@code _service} SDL with a small notes subgraph written with
 * {@code @apollo/subgraph} (both in {@code src/test/resources/federation}), and queries
 * cross from one subgraph to the other and back. The router forwards the client's bearer
 * token to both. Skipped only when {@code node} is not installed; the npm packages are
 * installed from the lock file when missing.
 */
class FederationRouterIntegrationTests extends IntegrationTest {

	private static final Path ROUTER_DIRECTORY = Path.of("src/test/resources/federation");

	private static Process router;

	private static String routerUrl;

	private static final ConcurrentLinkedQueue<String> routerOutput = new ConcurrentLinkedQueue<>();

	@LocalServerPort
	private int port;

	private HttpGraphQlTester throughRouter;

	@BeforeEach
	void startRouterOnce() throws Exception {
		Assumptions.assumeTrue(NodePackages.nodeInstalled(),
				"node is not installed: the Apollo Gateway test needs Node 20+");
		if (router == null) {
			NodePackages.installIfMissing(ROUTER_DIRECTORY);
			startRouter(TestTokens.forUser(this.adminId, TestTokens.ALL));
		}
		String token = TestTokens.forUser(this.adminId, TestTokens.ALL);
		this.throughRouter = HttpGraphQlTester
			.builder(WebTestClient.bindToServer().baseUrl(routerUrl).responseTimeout(Duration.ofSeconds(30)))
			.headers(headers -> headers.setBearerAuth(token))
			.build();
	}

	@AfterAll
	static void stopRouter() throws InterruptedException {
		if (router != null) {
			router.destroy();
			router.waitFor(10, TimeUnit.SECONDS);
			router = null;
		}
	}

	@Test
	void crossesFromNotesToStatesAndBackToNotes() {
		World world = this.fixtures.world();
		List<Long> states = this.fixtures.states(world, 3);
		long prospect = prospectOf(states.get(1));

		// language=GraphQL
		String document = """
				query Cross($stateIds: [ID!]!) {
				  notesFor(stateIds: $stateIds) {
				    id
				    text
				    state { id state prospect { id lastName notes } }
				  }
				}
				""";
		GraphQlTester.Response response = this.throughRouter.document(document)
			.variable("stateIds", List.of(String.valueOf(states.get(1)), "999999"))
			.execute();

		response.errors().verify();
		response.path("notesFor[0].id").entity(String.class).isEqualTo("note-" + states.get(1));
		response.path("notesFor[0].state.state").entity(String.class).isEqualTo("ACTIVE");
		response.path("notesFor[0].state.prospect.id").entity(String.class).isEqualTo(String.valueOf(prospect));
		response.path("notesFor[0].state.prospect.lastName").entity(String.class).isEqualTo("No1");
		response.path("notesFor[0].state.prospect.notes")
			.entityList(String.class)
			.containsExactly("First note about prospect " + prospect, "Second note about prospect " + prospect);
		// A state this gateway does not have is a null entity, not an error.
		response.path("notesFor[1].state").valueIsNull();
	}

	@Test
	void extendsAProspectOfThisGatewayWithTheOtherSubgraphsField() {
		World world = this.fixtures.world();
		List<Long> states = this.fixtures.states(world, 2);

		// language=GraphQL
		String document = """
				query Page {
				  sequenceStates(first: 2) {
				    edges { node { id prospect { id notes sequenceStates { totalCount } } } }
				  }
				}
				""";
		GraphQlTester.Response response = this.throughRouter.document(document).execute();

		response.errors().verify();
		response.path("sequenceStates.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(String.valueOf(states.get(0)), String.valueOf(states.get(1)));
		long prospect = prospectOf(states.get(0));
		response.path("sequenceStates.edges[0].node.prospect.notes")
			.entityList(String.class)
			.contains("First note about prospect " + prospect);
		response.path("sequenceStates.edges[0].node.prospect.sequenceStates.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	private long prospectOf(long state) {
		return this.fixtures.dsl()
			.select(SEQUENCE_STATE.PROSPECT_ID)
			.from(SEQUENCE_STATE)
			.where(SEQUENCE_STATE.ID.eq(state))
			.fetchSingle(SEQUENCE_STATE.PROSPECT_ID);
	}

	private void startRouter(String composeToken) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("node", "router.mjs").directory(ROUTER_DIRECTORY.toFile())
			.redirectErrorStream(true);
		builder.environment().put("SEQUENCE_STATES_URL", "http://127.0.0.1:" + this.port + "/graphql");
		builder.environment().put("COMPOSE_TOKEN", composeToken);
		builder.environment().put("NOTES_PORT", String.valueOf(freePort()));
		builder.environment().put("ROUTER_PORT", String.valueOf(freePort()));
		router = builder.start();
		CompletableFuture<String> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> readOutput(router, ready), "router-output");
		reader.setDaemon(true);
		reader.start();
		try {
			routerUrl = ready.get(90, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			router.destroy();
			router = null;
			throw new AssertionError("The Apollo Gateway did not start:\n" + String.join("\n", routerOutput), ex);
		}
	}

	private static void readOutput(Process process, CompletableFuture<String> ready) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				routerOutput.add(line);
				if (line.startsWith("ROUTER_READY ")) {
					ready.complete(line.substring("ROUTER_READY ".length()).strip());
				}
			}
			ready.completeExceptionally(new IllegalStateException("router exited"));
		}
		catch (IOException ex) {
			ready.completeExceptionally(new UncheckedIOException(ex));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
