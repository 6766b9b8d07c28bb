package com.acme.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GraphiQL as a user meets it: Debian's Chromium, driven by Playwright
 * ({@code graphiql/browser-check.mjs}), opens {@code /graphiql}, pastes a token into the
 * Headers tab and runs the first example tab. The page must show data while every request
 * it makes, workers included, stays on the gateway, and nothing breaks the
 * Content-Security-Policy.
 *
 * <p>
 * Skipped, saying why, only where there is no Chromium or Playwright to drive it;
 * {@code .ci/run} installs both.
 */
class GraphiQlBrowserIntegrationTests extends IntegrationTest {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	private static final Path SCRIPT = Path.of("graphiql/browser-check.mjs");

	private static final Path SCREENSHOT = Path.of("target/graphiql-screenshot.png");

	@LocalServerPort
	private int port;

	@Test
	void runsTheExampleQueryWithRequestsOnlyToTheGateway() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM),
				"No Chromium at " + CHROMIUM + ": install it with `apt-get install -y chromium` (as .ci/run does)");
		assumeTrue(Files.isDirectory(Path.of("graphiql/node_modules/playwright-core")),
				"No playwright-core in graphiql/node_modules: run `npm ci` in graphiql/ (the Maven build does)");
		this.fixtures.states(this.fixtures.world(), 3);
		String origin = "http://localhost:" + this.port;

		JsonNode report = runBrowserCheck(origin, TestTokens.forUser(this.adminId, TestTokens.ALL));

		assertThat(report.get("error").isNull()).as("browser check failed: %s", report.get("error")).isTrue();
		assertThat(report.get("result").asString()).contains("\"totalCount\": 3").contains("\"Outreach\"");
		List<String> requests = texts(report.get("requests"));
		assertThat(requests).isNotEmpty().allSatisfy(url -> assertThat(originOf(url)).isEqualTo(origin));
		assertThat(requests).anyMatch(url -> url.endsWith("/graphql"));
		assertThat(texts(report.get("workers"))).isNotEmpty()
			.allSatisfy(url -> assertThat(originOf(url)).isEqualTo(origin));
		// The schema requests sent before the token is pasted are refused (401) and
		// logged; those are expected.
		assertThat(texts(report.get("consoleErrors"))).noneMatch(error -> error.contains("Content Security Policy"));
		assertThat(SCREENSHOT).isNotEmptyFile();
	}

	private static JsonNode runBrowserCheck(String origin, String token) throws IOException, InterruptedException {
		Files.createDirectories(SCREENSHOT.getParent());
		Files.deleteIfExists(SCREENSHOT);
		Process process = new ProcessBuilder("node", SCRIPT.toString(), origin, token, SCREENSHOT.toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		// The report is one line; read it before waiting, so a full pipe cannot stall the
		// script.
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		boolean finished = process.waitFor(3, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		assertThat(finished).as("browser check finished within 3 minutes").isTrue();
		assertThat(process.exitValue()).as("browser check exit code; output: %s", output).isZero();
		String lastLine = output.strip().substring(output.strip().lastIndexOf('\n') + 1);
		return JsonMapper.builder().build().readTree(lastLine);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(item -> texts.add(item.asString()));
		return texts;
	}

	private static String originOf(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getAuthority();
	}

}
