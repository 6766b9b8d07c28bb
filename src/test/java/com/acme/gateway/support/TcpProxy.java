package com.acme.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A loopback TCP proxy that a test can cut and restore, to take "the database" away from
 * the gateway without touching the PostgreSQL server other tests use. Cutting closes the
 * listener and every open connection, as a crashed or restarted server would.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listener;

	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try (ServerSocket probe = new ServerSocket(0)) {
			this.port = probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		start();
	}

	public int port() {
		return this.port;
	}

	/**
	 * A proxy in front of the test database, with the gateway's datasource (and the test
	 * token secret) pointed through it: for tests that cut the database away from one
	 * application context.
	 */
	public static TcpProxy inFrontOfTestDatabase(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabase.get();
		URI server = database.serverAddress();
		TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort());
		String viaProxy = database.url()
			.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
		registry.add("spring.datasource.url", () -> viaProxy);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("gateway.security.jwt-secret", () -> TestTokens.SECRET);
		return proxy;
	}

	public synchronized void start() {
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress("127.0.0.1", this.port));
			this.listener = server;
			Thread acceptor = new Thread(() -> acceptLoop(server), "tcp-proxy-accept");
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot listen on port " + this.port, ex);
		}
	}

	/** Refuses new connections and drops the open ones. */
	public synchronized void cut() {
		closeQuietly(this.listener);
		this.sockets.forEach(TcpProxy::closeQuietly);
		this.sockets.clear();
	}

	@Override
	public void close() {
		cut();
	}

	private void acceptLoop(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// listener closed by cut(), or upstream refused: the client sees a
				// dropped connection
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side went away; closing both ends below ends the other pump too
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// already closed
			}
		}
	}

}
