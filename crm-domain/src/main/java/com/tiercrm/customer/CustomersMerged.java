package com.tiercrm.customer;

/**
 * A customer was merged into another one, in the transaction of the merge: modules
 * keeping rows of customers move the merged customer's rows to the kept one.
 *
 * @param keptId the customer kept
 * @param mergedId the customer merged away
 */
public record CustomersMerged(long keptId, long mergedId) {

}
