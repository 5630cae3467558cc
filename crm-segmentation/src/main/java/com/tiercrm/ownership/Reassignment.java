package com.tiercrm.ownership;

import java.io.Serializable;

/**
 * A reassignment that was carried out.
 *
 * @param id its id; {@code 0} when it moved nobody and was not recorded
 * @param toOwnerId the new owner
 * @param toOwnerName the new owner's name
 * @param customers how many customers changed owner
 */
// Serializable: pages carry it as a flash attribute in the session, which is stored in
// the
// database.
public record Reassignment(long id, long toOwnerId, String toOwnerName, int customers) implements Serializable {

}
