package com.tiercrm.order;

/**
 * An order with the code and name of its customer, found within the user's scope.
 *
 * @param order the order
 * @param customerCode its customer's code
 * @param customerName its customer's name
 */
public record ScopedOrder(SalesOrder order, String customerCode, String customerName) {

}
