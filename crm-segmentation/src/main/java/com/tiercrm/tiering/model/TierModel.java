package com.tiercrm.tiering.model;

/**
 * Which model's class is a customer's tier.
 */
public enum TierModel {

	/**
	 * The ABC class (the default).
	 */
	ABC,

	/**
	 * The RFM segment.
	 */
	RFM,

	/**
	 * The CLV class.
	 */
	CLV;

	/**
	 * The model used when nothing is configured.
	 * @return {@link #ABC}
	 */
	public static TierModel defaultModel() {
		return ABC;
	}

}
