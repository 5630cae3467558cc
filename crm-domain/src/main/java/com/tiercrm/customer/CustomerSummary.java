package com.tiercrm.customer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of a customer list.
 */
public record CustomerSummary(long id, String code, String name, CustomerType type, @Nullable String phone,
		@Nullable String region, @Nullable String city, @Nullable String industry, @Nullable Long ownerId,
		@Nullable String ownerName, CustomerStatus status, Instant createdAt) {

}
