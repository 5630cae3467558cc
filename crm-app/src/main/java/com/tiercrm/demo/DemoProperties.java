package com.tiercrm.demo;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data for a first look at TierCRM: seeded on start-up into an empty database only.
 *
 * @param enabled whether to seed an empty database on start-up
 * @param customers how many customers to create
 * @param ordersPerCustomer the mean number of orders per customer
 * @param seed the seed of the synthetic data; the same seed and day give the same data
 * @param password the password of every demo login
 * @param today the day the three-year order history ends; today when not set
 */
@ConfigurationProperties("tiercrm.demo")
public record DemoProperties(boolean enabled, @DefaultValue("5000") int customers,
		@DefaultValue("12") double ordersPerCustomer, @DefaultValue("20240101") long seed,
		@DefaultValue("demo123") String password, @Nullable LocalDate today) {

}
