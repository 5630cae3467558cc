package com.tiercrm.tiering.run;

import java.util.List;

import com.tiercrm.tiering.model.AbcClass;
import com.tiercrm.tiering.model.AbcResult;

/**
 * Every customer's ABC class, the value it was ranked by, the rank and the share of the
 * customers ranked above: the {@code abc_*} columns.
 */
final class AbcResults extends WideResults {

	private static final AbcClass[] CLASSES = AbcClass.values();

	final byte[] abcClass;

	final double[] value;

	final int[] rank;

	final double[] shareBefore;

	final ReasonColumn reason;

	AbcResults(int size) {
		this.abcClass = new byte[size];
		this.value = new double[size];
		this.rank = new int[size];
		this.shareBefore = new double[size];
		this.reason = new ReasonColumn(size);
	}

	void set(AbcResult r, int i) {
		this.abcClass[i] = (byte) r.abcClass().ordinal();
		this.value[i] = r.value();
		this.rank[i] = r.rank();
		this.shareBefore[i] = r.shareBefore();
		this.reason.set(i, r.reason());
	}

	@Override
	public int size() {
		return this.abcClass.length;
	}

	@Override
	public String classCode(int i) {
		return CLASSES[this.abcClass[i]].name();
	}

	@Override
	List<ResultColumn> columns() {
		return List.of(ResultColumn.text("abc_class", this::classCode), ResultColumn.float8("abc_value", this.value),
				ResultColumn.int4("abc_rank", this.rank), ResultColumn.float8("abc_share_before", this.shareBefore),
				ResultColumn.text("abc_reason", this.reason::encode));
	}

}
