package com.tiercrm.book;

/**
 * How many customers a rep owns and how many of them are overdue for contact.
 *
 * @param repId the rep
 * @param repName the rep's display name
 * @param customers customers owned
 * @param overdue customers overdue for contact
 */
public record RepWorkload(long repId, String repName, long customers, long overdue) {

}
