package com.tiercrm.customer.web;

import org.jspecify.annotations.Nullable;

/**
 * A row of the customer list as the page shows it: names instead of codes, amounts
 * formatted.
 */
record CustomerListRow(String code, String name, @Nullable String type, @Nullable String region, @Nullable String city,
		@Nullable String industry, @Nullable String ownerName, @Nullable String status, @Nullable String tier,
		String monetary, @Nullable Integer recencyDays, String clvPredicted) {

}
