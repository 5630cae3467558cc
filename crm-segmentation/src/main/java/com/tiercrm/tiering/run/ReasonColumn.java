package com.tiercrm.tiering.run;

import java.util.ArrayList;
import java.util.List;

import com.tiercrm.tiering.model.Reason;

/**
 * One model's reasons for a whole run, column-wise: a key index and up to
 * {@value #MAX_ARGUMENTS} numeric arguments per customer instead of a million small
 * objects. Encoded as {@code key|arg|arg…} only when written.
 */
final class ReasonColumn {

	static final int MAX_ARGUMENTS = 8;

	private final List<String> keys = new ArrayList<>();

	private final byte[] keyIndex;

	private final byte[] argumentCount;

	private final double[][] arguments;

	ReasonColumn(int size) {
		this.keyIndex = new byte[size];
		this.argumentCount = new byte[size];
		this.arguments = new double[MAX_ARGUMENTS][];
	}

	void set(int i, Reason reason) {
		int key = this.keys.indexOf(reason.key());
		if (key < 0) {
			this.keys.add(reason.key());
			key = this.keys.size() - 1;
		}
		this.keyIndex[i] = (byte) key;
		List<Object> values = reason.arguments();
		int count = Math.min(values.size(), MAX_ARGUMENTS);
		this.argumentCount[i] = (byte) count;
		for (int a = 0; a < count; a++) {
			if (this.arguments[a] == null) {
				this.arguments[a] = new double[this.keyIndex.length];
			}
			this.arguments[a][i] = (values.get(a) instanceof Number number) ? number.doubleValue() : Double.NaN;
		}
	}

	String encode(int i) {
		StringBuilder text = new StringBuilder(this.keys.get(this.keyIndex[i]));
		for (int a = 0; a < this.argumentCount[i]; a++) {
			appendArgument(text, this.arguments[a][i]);
		}
		return text.toString();
	}

	/**
	 * One reason on its own (such as a CLV fallback reason) in the same
	 * {@code key|arg|arg…} form.
	 */
	static String encode(Reason reason) {
		StringBuilder text = new StringBuilder(reason.key());
		for (Object value : reason.arguments()) {
			appendArgument(text, (value instanceof Number number) ? number.doubleValue() : Double.NaN);
		}
		return text.toString();
	}

	private static void appendArgument(StringBuilder text, double value) {
		text.append('|');
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			text.append((long) value);
		}
		else if (Double.isFinite(value)) {
			text.append(value);
		}
	}

}
