package com.tiercrm.demo;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bulk data generator, run with the {@code generator} profile: it fills the
 * configured database and exits.
 *
 * @param enabled whether this run generates data (set by the {@code generator} profile)
 * @param customers how many customers to create
 * @param ordersPerCustomer the mean number of orders per customer
 * @param seed the seed of the synthetic data
 * @param append whether to add to tables that already hold customers, orders or
 * interactions
 * @param teams how many teams to create when there are no sales reps
 * @param reps how many sales reps to create when there are none, spread over the teams
 * @param password the password of the users it creates; a random one, logged once, when
 * not set
 * @param chunkSize how many customers are generated and written at a time
 * @param today the day the three-year order history ends; today when not set
 */
@ConfigurationProperties("tiercrm.generator")
public record GeneratorProperties(boolean enabled, @DefaultValue("100000") long customers,
		@DefaultValue("10") double ordersPerCustomer, @DefaultValue("20240101") long seed, boolean append,
		@DefaultValue("10") int teams, @DefaultValue("100") int reps, @Nullable String password,
		@DefaultValue("10000") int chunkSize, @Nullable LocalDate today) {

}
