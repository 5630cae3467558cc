package com.tiercrm.tiering.model;

/**
 * RFM outcome for one customer. Scores are 0 for {@link RfmSegment#NO_PURCHASE}.
 *
 * @param customerId the customer's id
 * @param recencyDays days since the last purchase day; -1 when the customer never bought
 * @param frequency completed orders
 * @param monetary total of the monetary measure
 * @param recencyScore R score 1 to 5 (5 = most recent)
 * @param frequencyScore F score 1 to 5
 * @param monetaryScore M score 1 to 5
 * @param frequencyMonetaryScore FM score: {@code (F + M + 1) / 2} in integers, so a half
 * rounds up
 * @param segment the segment of the configured scheme
 * @param reason why the customer is in the segment
 */
public record RfmResult(long customerId, int recencyDays, int frequency, double monetary, int recencyScore,
		int frequencyScore, int monetaryScore, int frequencyMonetaryScore, RfmSegment segment, Reason reason) {

}
