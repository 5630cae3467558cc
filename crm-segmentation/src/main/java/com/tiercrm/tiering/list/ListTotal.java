package com.tiercrm.tiering.list;

/**
 * How many customers a list holds: counted, or the database planner's estimate where
 * counting would take long.
 *
 * @param count the number of customers
 * @param exact whether it was counted
 */
public record ListTotal(long count, boolean exact) {

}
