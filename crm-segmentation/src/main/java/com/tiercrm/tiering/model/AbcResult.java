package com.tiercrm.tiering.model;

/**
 * ABC outcome for one customer.
 *
 * @param customerId the customer's id
 * @param abcClass the class
 * @param value the measured value
 * @param rank 1-based rank among the customers who bought (value descending, then
 * customer id ascending); 0 for {@link AbcClass#NO_PURCHASE}
 * @param shareBefore share of the total positive value held by the customers ranked above
 * this one, as a fraction; 0 for {@link AbcClass#NO_PURCHASE}
 * @param reason why the customer got the class
 */
public record AbcResult(long customerId, AbcClass abcClass, double value, int rank, double shareBefore, Reason reason) {

}
