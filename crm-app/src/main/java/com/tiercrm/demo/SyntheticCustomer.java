package com.tiercrm.demo;

import java.util.List;

import com.tiercrm.customer.ChannelType;
import com.tiercrm.customer.CustomerStatus;
import com.tiercrm.customer.CustomerType;
import org.jspecify.annotations.Nullable;

/**
 * One generated customer with its orders and interactions, both in time order. Ids, codes
 * and order numbers are given by the loader, which knows where the rows go.
 *
 * @param name the person's or company's name
 * @param type enterprise or individual
 * @param phone an 11-digit mobile number
 * @param email an e-mail address
 * @param province the province
 * @param city the city
 * @param region the region code, e.g. {@code EAST}
 * @param industry the industry code of an enterprise, {@code null} for individuals
 * @param channelType how the customer was acquired
 * @param channel the acquisition channel code, e.g. {@code TMALL}
 * @param gender {@code M} or {@code F} for individuals
 * @param ageBand the age band of an individual, e.g. {@code 25-34}
 * @param incomeBand {@code LOW}, {@code MIDDLE} or {@code HIGH} for individuals
 * @param occupation the occupation code of an individual
 * @param ownerId the owning rep, {@code null} when there are no reps
 * @param status whether the customer is still served
 * @param createdAt when the customer was created, in epoch seconds
 * @param updatedAt when the customer last changed, in epoch seconds
 * @param orders the orders in time order
 * @param interactions the interactions in time order
 */
public record SyntheticCustomer(String name, CustomerType type, String phone, String email, String province,
		String city, String region, @Nullable String industry, ChannelType channelType, String channel,
		@Nullable String gender, @Nullable String ageBand, @Nullable String incomeBand, @Nullable String occupation,
		@Nullable Long ownerId, CustomerStatus status, long createdAt, long updatedAt, List<SyntheticOrder> orders,
		List<SyntheticInteraction> interactions) {

	/**
	 * When the customer was last contacted: the loader writes it with the customer, so
	 * that no update of every customer has to follow the load.
	 * @return the latest interaction's time in epoch seconds, {@code -1} if there is none
	 */
	public long lastContactAt() {
		return this.interactions.stream().mapToLong(SyntheticInteraction::occurredAt).max().orElse(-1);
	}

}
