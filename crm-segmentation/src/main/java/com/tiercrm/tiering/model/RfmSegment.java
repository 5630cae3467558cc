package com.tiercrm.tiering.model;

/**
 * Named RFM segments of both schemes. The code (the constant's name) is what gets stored;
 * the label comes from the message key {@code rfm.segment.<CODE>}.
 */
public enum RfmSegment {

	/**
	 * 重要价值: recent, frequent, high spend.
	 */
	IMPORTANT_VALUE,

	/**
	 * 重要发展: recent, infrequent, high spend.
	 */
	IMPORTANT_DEVELOP,

	/**
	 * 重要保持: not recent, frequent, high spend.
	 */
	IMPORTANT_KEEP,

	/**
	 * 重要挽留: not recent, infrequent, high spend.
	 */
	IMPORTANT_RETAIN,

	/**
	 * 一般价值: recent, frequent, low spend.
	 */
	GENERAL_VALUE,

	/**
	 * 一般发展: recent, infrequent, low spend.
	 */
	GENERAL_DEVELOP,

	/**
	 * 一般保持: not recent, frequent, low spend.
	 */
	GENERAL_KEEP,

	/**
	 * 一般挽留: not recent, infrequent, low spend.
	 */
	GENERAL_RETAIN,

	/**
	 * R 5, FM 4–5.
	 */
	CHAMPIONS,

	/**
	 * R 3–4, FM 4–5.
	 */
	LOYAL,

	/**
	 * R 4–5, FM 2–3.
	 */
	POTENTIAL_LOYALIST,

	/**
	 * R 5, FM 1.
	 */
	NEW,

	/**
	 * R 4, FM 1.
	 */
	PROMISING,

	/**
	 * R 3, FM 3.
	 */
	NEED_ATTENTION,

	/**
	 * R 3, FM 1–2.
	 */
	ABOUT_TO_SLEEP,

	/**
	 * R 1–2, FM 3–4.
	 */
	AT_RISK,

	/**
	 * R 1–2, FM 5.
	 */
	CANT_LOSE,

	/**
	 * R 1–2, FM 1–2, except R 1 with FM 1.
	 */
	HIBERNATING,

	/**
	 * R 1, FM 1.
	 */
	LOST,

	/**
	 * Never completed an order (both schemes).
	 */
	NO_PURCHASE;

	private static final RfmSegment[][] SCORE_GRID = { { LOST, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE },
			{ HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE },
			{ ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL },
			{ PROMISING, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, LOYAL, LOYAL },
			{ NEW, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, CHAMPIONS, CHAMPIONS } };

	/**
	 * The eight-segment value matrix.
	 * @param recent recency at or below the mean
	 * @param frequent frequency at or above the mean
	 * @param highSpend monetary value at or above the mean
	 * @return the segment
	 */
	public static RfmSegment ofMatrix(boolean recent, boolean frequent, boolean highSpend) {
		if (highSpend) {
			return recent ? (frequent ? IMPORTANT_VALUE : IMPORTANT_DEVELOP)
					: (frequent ? IMPORTANT_KEEP : IMPORTANT_RETAIN);
		}
		return recent ? (frequent ? GENERAL_VALUE : GENERAL_DEVELOP) : (frequent ? GENERAL_KEEP : GENERAL_RETAIN);
	}

	/**
	 * The score-range table (rows R, columns FM). <pre>
	 * R\FM  1               2                   3                   4           5
	 * 5     NEW             POTENTIAL_LOYALIST  POTENTIAL_LOYALIST  CHAMPIONS   CHAMPIONS
	 * 4     PROMISING       POTENTIAL_LOYALIST  POTENTIAL_LOYALIST  LOYAL       LOYAL
	 * 3     ABOUT_TO_SLEEP  ABOUT_TO_SLEEP      NEED_ATTENTION      LOYAL       LOYAL
	 * 2     HIBERNATING     HIBERNATING         AT_RISK             AT_RISK     CANT_LOSE
	 * 1     LOST            HIBERNATING         AT_RISK             AT_RISK     CANT_LOSE
	 * </pre>
	 * @param recencyScore the R score, 1 to 5
	 * @param frequencyMonetaryScore the FM score, 1 to 5
	 * @return the segment
	 */
	public static RfmSegment ofScores(int recencyScore, int frequencyMonetaryScore) {
		if (recencyScore < 1 || recencyScore > 5 || frequencyMonetaryScore < 1 || frequencyMonetaryScore > 5) {
			throw new IllegalArgumentException("rfm.invalid-score");
		}
		return SCORE_GRID[recencyScore - 1][frequencyMonetaryScore - 1];
	}

	/**
	 * The message key of the segment's label.
	 * @return {@code rfm.segment.<CODE>}
	 */
	public String messageKey() {
		return "rfm.segment." + name();
	}

}
