package com.tiercrm.tiering.list;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the customer list: the customer and their results in the published run, all
 * {@code null} when the customer is not in it (or no run is published). Type and status
 * are the customer's codes, such as {@code ENTERPRISE} and {@code ACTIVE}; {@code phone}
 * is the number as stored for search, {@code phoneDisplay} as it was written.
 */
public record TieredCustomer(long id, String code, String name, String type, @Nullable String phone,
		@Nullable String phoneDisplay, @Nullable String region, @Nullable String city, @Nullable String industry,
		@Nullable Long ownerId, @Nullable String ownerName, String status, Instant createdAt, @Nullable String tier,
		@Nullable String abcClass, @Nullable String rfmSegment, @Nullable String clvClass, @Nullable Double monetary,
		@Nullable Integer recencyDays, @Nullable Double clvPredicted, @Nullable Double probabilityAlive) {

}
