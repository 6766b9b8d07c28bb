package com.acme.gateway.demo;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.SQLDialect;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams rows of one table into PostgreSQL with {@code COPY ... FROM STDIN} in the text
 * format, a chunk of about a megabyte at a time, so memory stays flat whatever the size.
 *
 * <p>
 * Contract: call the value methods in the order of the columns given at {@link #start},
 * then {@link #endRow()}; {@link #endRow()} fails fast when a row has the wrong number of
 * values, because a shifted column would otherwise load silently into the wrong column
 * (or fail deep inside PostgreSQL with an unhelpful message).
 *
 * <p>
 * Why hand-written SQL: jOOQ has no COPY statement. The table and column names are
 * rendered from the generated jOOQ classes, so a renamed column breaks the build, not the
 * load.
 */
final class CopyWriter implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(CopyWriter.class);

	private static final int FLUSH_CHARS = 1 << 20;

	private static final long PROGRESS_EVERY_ROWS = 100_000;

	private final CopyIn copy;

	private final String tableName;

	private final int columnCount;

	private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);

	private final long startNanos = System.nanoTime();

	private int valuesInRow;

	private long rows;

	private boolean finished;

	private CopyWriter(CopyIn copy, String tableName, int columnCount) {
		this.copy = copy;
		this.tableName = tableName;
		this.columnCount = columnCount;
	}

	static CopyWriter start(CopyManager copyManager, Table<?> table, List<? extends Field<?>> columns)
			throws SQLException {
		return new CopyWriter(copyManager.copyIn(copyStatement(table, columns)), table.getName(), columns.size());
	}

	static String copyStatement(Table<?> table, List<? extends Field<?>> columns) {
		var names = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
		String columnList = columns.stream()
			.map(column -> names.render(DSL.name(column.getName())))
			.collect(Collectors.joining(", "));
		return "copy " + names.render(DSL.name(table.getName())) + " (" + columnList + ") from stdin";
	}

	CopyWriter id(long value) {
		separator();
		buffer.append(value);
		return this;
	}

	CopyWriter id(Long value) {
		return value == null ? nullValue() : id(value.longValue());
	}

	CopyWriter integer(int value) {
		separator();
		buffer.append(value);
		return this;
	}

	CopyWriter bool(boolean value) {
		separator();
		buffer.append(value ? 't' : 'f');
		return this;
	}

	CopyWriter text(String value) {
		if (value == null) {
			return nullValue();
		}
		separator();
		appendEscaped(value);
		return this;
	}

	/** A PostgreSQL array literal with every element double-quoted, then COPY-escaped. */
	CopyWriter textArray(List<String> values) {
		separator();
		StringBuilder literal = new StringBuilder(64).append('{');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				literal.append(',');
			}
			literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		appendEscaped(literal.append('}').toString());
		return this;
	}

	/**
	 * Whole seconds in UTC: {@code 2025-03-01 12:00:00+00}, formatted by hand for speed.
	 */
	CopyWriter timestamp(Instant value) {
		if (value == null) {
			return nullValue();
		}
		separator();
		long seconds = value.getEpochSecond();
		LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
		int secondOfDay = (int) Math.floorMod(seconds, 86_400);
		buffer.append(date.getYear()).append('-');
		twoDigits(date.getMonthValue()).append('-');
		twoDigits(date.getDayOfMonth()).append(' ');
		twoDigits(secondOfDay / 3600).append(':');
		twoDigits(secondOfDay / 60 % 60).append(':');
		twoDigits(secondOfDay % 60).append("+00");
		return this;
	}

	CopyWriter nullValue() {
		separator();
		buffer.append("\\N");
		return this;
	}

	void endRow() throws SQLException {
		if (valuesInRow != columnCount) {
			throw new IllegalStateException(tableName + " row " + (rows + 1) + " has " + valuesInRow + " values for "
					+ columnCount + " columns");
		}
		buffer.append('\n');
		valuesInRow = 0;
		rows++;
		if (buffer.length() >= FLUSH_CHARS) {
			flush();
		}
		if (rows % PROGRESS_EVERY_ROWS == 0) {
			log.info("demo data: {} {} rows ({} rows/s)", tableName, rows, rowsPerSecond());
		}
	}

	/**
	 * Ends the COPY; the rows become visible when the surrounding transaction commits.
	 */
	long finish() throws SQLException {
		flush();
		copy.endCopy();
		finished = true;
		log.info("demo data: {} done, {} rows in {} ms ({} rows/s)", tableName, rows,
				(System.nanoTime() - startNanos) / 1_000_000, rowsPerSecond());
		return rows;
	}

	/**
	 * Abandons an unfinished COPY, so the connection can roll back instead of hanging
	 * mid-protocol.
	 */
	@Override
	public void close() throws SQLException {
		if (!finished && copy.isActive()) {
			copy.cancelCopy();
		}
	}

	private long rowsPerSecond() {
		long nanos = Math.max(1, System.nanoTime() - startNanos);
		return rows * 1_000_000_000L / nanos;
	}

	private void flush() throws SQLException {
		if (buffer.length() > 0) {
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			buffer.setLength(0);
		}
	}

	private void separator() {
		if (valuesInRow++ > 0) {
			buffer.append('\t');
		}
	}

	private StringBuilder twoDigits(int value) {
		return buffer.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	/** COPY text format: backslash, tab, newline and carriage return must be escaped. */
	private void appendEscaped(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> buffer.append("\\\\");
				case '\t' -> buffer.append("\\t");
				case '\n' -> buffer.append("\\n");
				case '\r' -> buffer.append("\\r");
				default -> buffer.append(c);
			}
		}
	}

}
