package com.acme.gateway.sequencestatechange;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The instance's one {@code LISTEN sequence_state_changes} connection, on a thread of its
 * own: it wakes the {@link SequenceStateChangeFeed} on every notification, and after each
 * {@code pollInterval} without one (the safety net for a lost notification or
 * connection).
 *
 * <p>
 * The connection is opened with the driver, outside the request pool: it is held for the
 * instance's lifetime and must never be handed to a request. When it breaks it is opened
 * again after a pause; the feed reads from its last position, so nothing committed
 * meanwhile is lost.
 */
@Component
public class ChangeNotificationListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChangeNotificationListener.class);

	/** The channel the trigger of {@code sequence_state} notifies. */
	static final String CHANNEL = "sequence_state_changes";

	private final SequenceStateChangeFeed feed;

	private final SubscriptionsProperties properties;

	private final String url;

	private final Properties credentials = new Properties();

	private volatile Thread thread;

	/**
	 * When the last read of the log began ({@link System#nanoTime()}); the listening
	 * thread's own.
	 */
	private long lastPoll;

	public ChangeNotificationListener(SequenceStateChangeFeed feed, SubscriptionsProperties properties,
			@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username:}") String username,
			@Value("${spring.datasource.password:}") String password) {
		this.feed = feed;
		this.properties = properties;
		this.url = url;
		this.credentials.setProperty("user", username);
		this.credentials.setProperty("password", password);
		this.credentials.setProperty("ApplicationName", "gateway change listener");
	}

	@Override
	public void start() {
		Thread listener = new Thread(this::run, "sequence-state-change-listener");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
	}

	@Override
	public void stop() {
		Thread listener = this.thread;
		this.thread = null;
		if (listener != null) {
			listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void run() {
		while (this.thread == Thread.currentThread()) {
			try (Connection connection = DriverManager.getConnection(this.url, this.credentials)) {
				try (Statement statement = connection.createStatement()) {
					// LISTEN has no jOOQ API; the channel is a constant.
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection notifications = connection.unwrap(PGConnection.class);
				pollSafely();
				while (this.thread == Thread.currentThread()) {
					notifications.getNotifications((int) this.properties.pollInterval().toMillis());
					// The notifications of the changes committed meanwhile are all taken
					// by the next
					// call, so they cost one read.
					awaitMinPollInterval();
					pollSafely();
				}
			}
			catch (SQLException ex) {
				logger.warn("The listening connection for sequence state changes failed ({}); reconnecting",
						ex.getMessage());
				pollSafely();
				pause();
			}
		}
	}

	private void pollSafely() {
		this.lastPoll = System.nanoTime();
		try {
			this.feed.poll();
		}
		catch (RuntimeException ex) {
			logger.warn("Reading the sequence state change log failed: {}", ex.getMessage());
		}
	}

	private void awaitMinPollInterval() {
		long wait = this.properties.minPollInterval().toNanos() - (System.nanoTime() - this.lastPoll);
		if (wait > 0) {
			try {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.properties.pollInterval().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
