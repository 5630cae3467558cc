package com.tiercrm.tiering.list;

/**
 * Bands of the BG/NBD probability that a customer is still buying.
 */
public enum AliveBand {

	/** Below 0.3: probably gone. */
	LOW("s.p_alive < 0.3"),
	/** From 0.3 to below 0.7. */
	MEDIUM("s.p_alive >= 0.3 and s.p_alive < 0.7"),
	/** 0.7 and above: probably still buying. */
	HIGH("s.p_alive >= 0.7");

	private final String condition;

	AliveBand(String condition) {
		this.condition = condition;
	}

	String condition() {
		return this.condition;
	}

}
