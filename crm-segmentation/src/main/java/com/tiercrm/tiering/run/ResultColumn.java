package com.tiercrm.tiering.run;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * One column of {@code customer_segments} as a model's results fill it: its name, and its
 * value for the customer at an index, both as a JDBC parameter and in PostgreSQL's binary
 * COPY format. A model with columns of its own in that table lists them, and the writer
 * writes whatever it is given.
 */
abstract class ResultColumn {

	private final String name;

	private ResultColumn(String name) {
		this.name = name;
	}

	String name() {
		return this.name;
	}

	/** The value as a JDBC parameter, {@code null} for SQL NULL. */
	abstract @Nullable Object value(int i);

	/** The value as a field of a binary COPY row: its length, then its bytes. */
	abstract void copy(DataOutputStream out, int i) throws IOException;

	static ResultColumn text(String name, IntFunction<String> values) {
		return new ResultColumn(name) {
			@Override
			Object value(int i) {
				return values.apply(i);
			}

			@Override
			void copy(DataOutputStream out, int i) throws IOException {
				byte[] bytes = values.apply(i).getBytes(StandardCharsets.UTF_8);
				out.writeInt(bytes.length);
				out.write(bytes);
			}
		};
	}

	static ResultColumn int4(String name, int[] values) {
		return new ResultColumn(name) {
			@Override
			Object value(int i) {
				return values[i];
			}

			@Override
			void copy(DataOutputStream out, int i) throws IOException {
				out.writeInt(4);
				out.writeInt(values[i]);
			}
		};
	}

	/** Integers where a negative value means "none", stored as NULL. */
	static ResultColumn int4OrNull(String name, int[] values) {
		return new ResultColumn(name) {
			@Override
			@Nullable Object value(int i) {
				return (values[i] >= 0) ? values[i] : null;
			}

			@Override
			void copy(DataOutputStream out, int i) throws IOException {
				if (values[i] >= 0) {
					out.writeInt(4);
					out.writeInt(values[i]);
				}
				else {
					out.writeInt(-1);
				}
			}
		};
	}

	static ResultColumn int2(String name, byte[] values) {
		return new ResultColumn(name) {
			@Override
			Object value(int i) {
				return (short) values[i];
			}

			@Override
			void copy(DataOutputStream out, int i) throws IOException {
				out.writeInt(2);
				out.writeShort(values[i]);
			}
		};
	}

	static ResultColumn int2(String name, short[] values) {
		return new ResultColumn(name) {
			@Override
			Object value(int i) {
				return values[i];
			}

			@Override
			void copy(DataOutputStream out, int i) throws IOException {
				out.writeInt(2);
				out.writeShort(values[i]);
			}
		};
	}

	static ResultColumn int8(String name, long[] values) {
		return new ResultColumn(name) {
			@Override
			Object value(int i) {
				return values[i];
			}

			@Override
			void copy(DataOutputStream out, int i) throws IOException {
				out.writeInt(8);
				out.writeLong(values[i]);
			}
		};
	}

	/** One value for every row, such as the run's id. */
	static ResultColumn int8(String name, long value) {
		return new ResultColumn(name) {
			@Override
			Object value(int i) {
				return value;
			}

			@Override
			void copy(DataOutputStream out, int i) throws IOException {
				out.writeInt(8);
				out.writeLong(value);
			}
		};
	}

	static ResultColumn float8(String name, double[] values) {
		return new ResultColumn(name) {
			@Override
			Object value(int i) {
				return values[i];
			}

			@Override
			void copy(DataOutputStream out, int i) throws IOException {
				out.writeInt(8);
				out.writeDouble(values[i]);
			}
		};
	}

	/** Numbers where NaN (or an infinity) means "unknown", stored as NULL. */
	static ResultColumn float8OrNull(String name, double[] values) {
		return new ResultColumn(name) {
			@Override
			@Nullable Object value(int i) {
				return Double.isFinite(values[i]) ? values[i] : null;
			}

			@Override
			void copy(DataOutputStream out, int i) throws IOException {
				if (Double.isFinite(values[i])) {
					out.writeInt(8);
					out.writeDouble(values[i]);
				}
				else {
					out.writeInt(-1);
				}
			}
		};
	}

}
