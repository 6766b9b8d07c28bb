package com.acme.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * For the tests that run a Node script from the test resources (a router, client
 * libraries).
 */
public final class NodePackages {

	private NodePackages() {
	}

	/**
	 * Whether {@code node} runs here; tests that need it skip, with that reason, when
	 * not.
	 */
	public static boolean nodeInstalled() {
		try {
			Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			version.getInputStream().readAllBytes();
			return version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Installs {@code directory}'s packages from its lock file unless they are there:
	 * {@code .ci/run} installs them first; a developer's first run in an IDE does it
	 * here.
	 */
	public static void installIfMissing(Path directory) throws IOException, InterruptedException {
		if (Files.isDirectory(directory.resolve("node_modules"))) {
			return;
		}
		Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(directory.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(install.waitFor(5, TimeUnit.MINUTES) && install.exitValue() == 0)
			.as("npm ci in %s:%n%s", directory, output)
			.isTrue();
	}

}
