package com.tiercrm.postgres;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.tiercrm.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows in COPY text format: the bytes written, and what PostgreSQL reads from them.
 */
class CopyTextBufferTests {

	private static final double[] DOUBLES = { 0, -0.0, 0.1, 12.5, -2.75, 1.0E7, 123456789.125, 1.0E-5, Double.MAX_VALUE,
			Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };

	@Test
	void writesNumbersTextAndNulls() throws SQLException {
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		CopyTextBuffer copy = new CopyTextBuffer();
		copy.start(recording(written));
		copy.number(-42L);
		copy.number(12.5);
		copy.number(1.0E7);
		copy.cents(-1205);
		copy.text("a\tb\\c\nd");
		copy.nullableText(null);
		copy.endRow();
		copy.number(Double.NaN);
		copy.endRow();
		copy.end();
		assertThat(written.toString(StandardCharsets.UTF_8))
			.isEqualTo("-42\t12.5\t1.0E7\t-12.05\ta\\tb\\\\c\\nd\t\\N\nNaN\n");
	}

	@Test
	void postgresReadsTheDoublesBackExactly() throws SQLException {
		try (Connection connection = PostgresTestDatabase.connection().open();
				Statement statement = connection.createStatement()) {
			statement.execute("create temporary table copied_numbers (no int, d double precision)");
			CopyTextBuffer copy = new CopyTextBuffer();
			copy.start(connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY copied_numbers (no, d) FROM STDIN (FORMAT text)"));
			for (int i = 0; i < DOUBLES.length; i++) {
				copy.number(i);
				copy.number(DOUBLES[i]);
				copy.endRow();
			}
			assertThat(copy.end()).isEqualTo(DOUBLES.length);
			List<Double> read = new ArrayList<>();
			try (ResultSet result = statement.executeQuery("select d from copied_numbers order by no")) {
				while (result.next()) {
					read.add(result.getDouble(1));
				}
			}
			List<Double> expected = new ArrayList<>();
			for (double value : DOUBLES) {
				expected.add(value);
			}
			assertThat(read).isEqualTo(expected);
		}
	}

	/** A COPY that keeps what is written to it. */
	private static CopyIn recording(ByteArrayOutputStream written) {
		long[] rows = new long[1];
		return (CopyIn) Proxy.newProxyInstance(CopyTextBufferTests.class.getClassLoader(),
				new Class<?>[] { CopyIn.class }, (proxy, method, args) -> {
					switch (method.getName()) {
						case "writeToCopy" -> {
							byte[] bytes = (byte[]) args[0];
							int offset = (int) args[1];
							int length = (int) args[2];
							written.write(bytes, offset, length);
							for (int i = offset; i < offset + length; i++) {
								if (bytes[i] == '\n') {
									rows[0]++;
								}
							}
							return null;
						}
						case "endCopy" -> {
							return rows[0];
						}
						case "isActive" -> {
							return false;
						}
						default -> {
							return null;
						}
					}
				});
	}

}
