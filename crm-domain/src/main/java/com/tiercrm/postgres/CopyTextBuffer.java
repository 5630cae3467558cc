package com.tiercrm.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's COPY text format straight into a {@link CopyIn}, through a
 * reusable byte buffer: no row is ever held as a string. Each value is followed by a tab;
 * {@link #endRow()} turns the last tab into the line end.
 */
public final class CopyTextBuffer {

	private static final long DAY = 86_400;

	private final byte[] buffer = new byte[1 << 16];

	private int position;

	private @Nullable CopyIn copy;

	private byte[][] days = new byte[0][];

	private long firstDay;

	/** Starts writing the rows of a new COPY. */
	public void start(CopyIn copy) {
		this.copy = copy;
		this.position = 0;
	}

	/** Sends what is left and ends the COPY, returning the number of rows it loaded. */
	public long end() throws SQLException {
		flush();
		long rows = copy().endCopy();
		this.copy = null;
		return rows;
	}

	/** Abandons the COPY after a failure, so that the connection can be rolled back. */
	public void cancel() {
		CopyIn current = this.copy;
		this.copy = null;
		this.position = 0;
		if (current != null && current.isActive()) {
			try {
				current.cancelCopy();
			}
			catch (SQLException ex) {
				// The failure that led here is the one worth reporting.
			}
		}
	}

	public void text(String value) throws SQLException {
		ensure(value.length() * 3 * 2 + 1);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '\\' -> escape((byte) '\\');
					case '\t' -> escape((byte) 't');
					case '\n' -> escape((byte) 'n');
					case '\r' -> escape((byte) 'r');
					default -> this.buffer[this.position++] = (byte) c;
				}
			}
			else if (Character.isSurrogate(c) || c >= 0x800) {
				if (Character.isSurrogate(c)) {
					byte[] bytes = value.substring(i, Math.min(value.length(), i + 2)).getBytes(StandardCharsets.UTF_8);
					System.arraycopy(bytes, 0, this.buffer, this.position, bytes.length);
					this.position += bytes.length;
					i++;
				}
				else {
					this.buffer[this.position++] = (byte) (0xE0 | (c >> 12));
					this.buffer[this.position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
					this.buffer[this.position++] = (byte) (0x80 | (c & 0x3F));
				}
			}
			else {
				this.buffer[this.position++] = (byte) (0xC0 | (c >> 6));
				this.buffer[this.position++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		tab();
	}

	public void nullableText(@Nullable String value) throws SQLException {
		if (value == null) {
			nul();
		}
		else {
			text(value);
		}
	}

	public void nullableNumber(@Nullable Long value) throws SQLException {
		if (value == null) {
			nul();
		}
		else {
			number(value);
		}
	}

	public void nul() throws SQLException {
		ensure(3);
		this.buffer[this.position++] = '\\';
		this.buffer[this.position++] = 'N';
		tab();
	}

	public void number(long value) throws SQLException {
		ensure(21);
		if (value < 0) {
			this.buffer[this.position++] = '-';
			value = -value;
		}
		digits(value, 1);
		tab();
	}

	/**
	 * A floating-point number as {@link Double#toString(double)} writes it (e.g.
	 * {@code 12.5}, {@code 1.0E7}, {@code NaN}), which {@code double precision} and
	 * {@code numeric} columns read back exactly.
	 */
	public void number(double value) throws SQLException {
		String text = Double.toString(value);
		ensure(text.length() + 1);
		for (int i = 0; i < text.length(); i++) {
			this.buffer[this.position++] = (byte) text.charAt(i);
		}
		tab();
	}

	/** A money amount given in cents, e.g. 12345 as {@code 123.45}. */
	public void cents(long value) throws SQLException {
		ensure(23);
		if (value < 0) {
			this.buffer[this.position++] = '-';
			value = -value;
		}
		digits(value / 100, 1);
		this.buffer[this.position++] = '.';
		digits(value % 100, 2);
		tab();
	}

	/** An instant given in epoch seconds, as UTC {@code yyyy-MM-dd HH:mm:ss+00}. */
	public void timestamp(long epochSecond) throws SQLException {
		ensure(24);
		long day = Math.floorDiv(epochSecond, DAY);
		int second = (int) Math.floorMod(epochSecond, DAY);
		byte[] date = date(day);
		System.arraycopy(date, 0, this.buffer, this.position, date.length);
		this.position += date.length;
		this.buffer[this.position++] = ' ';
		digits(second / 3600, 2);
		this.buffer[this.position++] = ':';
		digits((second / 60) % 60, 2);
		this.buffer[this.position++] = ':';
		digits(second % 60, 2);
		this.buffer[this.position++] = '+';
		this.buffer[this.position++] = '0';
		this.buffer[this.position++] = '0';
		tab();
	}

	public void endRow() throws SQLException {
		this.buffer[this.position - 1] = '\n';
		if (this.position > this.buffer.length - 4096) {
			flush();
		}
	}

	public void flush() throws SQLException {
		if (this.position > 0) {
			copy().writeToCopy(this.buffer, 0, this.position);
			this.position = 0;
		}
	}

	private CopyIn copy() {
		CopyIn current = this.copy;
		if (current == null) {
			throw new IllegalStateException("No COPY in progress");
		}
		return current;
	}

	private void tab() {
		this.buffer[this.position++] = '\t';
	}

	private void escape(byte code) {
		this.buffer[this.position++] = '\\';
		this.buffer[this.position++] = code;
	}

	private void digits(long value, int minWidth) {
		int width = 1;
		for (long rest = value / 10; rest > 0; rest /= 10) {
			width++;
		}
		width = Math.max(width, minWidth);
		for (int i = this.position + width - 1; i >= this.position; i--) {
			this.buffer[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		this.position += width;
	}

	private byte[] date(long day) {
		int index = (int) (day - this.firstDay);
		if (index < 0 || index >= this.days.length) {
			// Dates repeat a lot: keep the formatted days of ten years around the first
			// seen.
			this.firstDay = day - 3650;
			this.days = new byte[7300][];
			index = (int) (day - this.firstDay);
		}
		byte[] date = this.days[index];
		if (date == null) {
			date = LocalDate.ofEpochDay(day).toString().getBytes(StandardCharsets.US_ASCII);
			this.days[index] = date;
		}
		return date;
	}

	private void ensure(int bytes) throws SQLException {
		if (this.position + bytes >= this.buffer.length) {
			flush();
			if (bytes >= this.buffer.length) {
				throw new IllegalArgumentException("Value too long for a COPY row: " + bytes + " bytes");
			}
		}
	}

}
