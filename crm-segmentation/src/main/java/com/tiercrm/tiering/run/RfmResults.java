package com.tiercrm.tiering.run;

import java.util.List;

import com.tiercrm.tiering.model.RfmResult;
import com.tiercrm.tiering.model.RfmSegment;

/**
 * Every customer's recency, frequency and monetary value, their scores and the segment:
 * the RFM columns.
 */
final class RfmResults extends WideResults {

	private static final RfmSegment[] SEGMENTS = RfmSegment.values();

	/** Days since the last purchase; negative for a customer who never bought. */
	final int[] recencyDays;

	final int[] frequency;

	final double[] monetary;

	final byte[] recencyScore;

	final byte[] frequencyScore;

	final byte[] monetaryScore;

	final byte[] segment;

	final ReasonColumn reason;

	RfmResults(int size) {
		this.recencyDays = new int[size];
		this.frequency = new int[size];
		this.monetary = new double[size];
		this.recencyScore = new byte[size];
		this.frequencyScore = new byte[size];
		this.monetaryScore = new byte[size];
		this.segment = new byte[size];
		this.reason = new ReasonColumn(size);
	}

	void set(RfmResult r, int i) {
		this.recencyDays[i] = r.recencyDays();
		this.frequency[i] = r.frequency();
		this.monetary[i] = r.monetary();
		this.recencyScore[i] = (byte) r.recencyScore();
		this.frequencyScore[i] = (byte) r.frequencyScore();
		this.monetaryScore[i] = (byte) r.monetaryScore();
		this.segment[i] = (byte) r.segment().ordinal();
		this.reason.set(i, r.reason());
	}

	RfmSegment segment(int i) {
		return SEGMENTS[this.segment[i]];
	}

	@Override
	public int size() {
		return this.segment.length;
	}

	@Override
	public String classCode(int i) {
		return segment(i).name();
	}

	@Override
	List<ResultColumn> columns() {
		return List.of(ResultColumn.int4OrNull("recency_days", this.recencyDays),
				ResultColumn.int4("frequency", this.frequency), ResultColumn.float8("monetary", this.monetary),
				ResultColumn.int2("r_score", this.recencyScore), ResultColumn.int2("f_score", this.frequencyScore),
				ResultColumn.int2("m_score", this.monetaryScore), ResultColumn.text("rfm_segment", this::classCode),
				ResultColumn.text("rfm_reason", this.reason::encode));
	}

}
