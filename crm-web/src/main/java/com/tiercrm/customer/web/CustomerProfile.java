package com.tiercrm.customer.web;

import java.util.List;

import com.tiercrm.customer.Customer;
import com.tiercrm.interaction.ContactDue;
import com.tiercrm.interaction.Interaction;
import com.tiercrm.order.OrderTotals;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.tiering.clustertier.Discriminant;
import com.tiercrm.tiering.run.CustomerSegment;
import com.tiercrm.tiering.run.ModelClass;
import com.tiercrm.tiering.run.TierHistoryEntry;
import org.jspecify.annotations.Nullable;

/**
 * Everything the customer page shows: the customer, their owner, order totals and the
 * latest orders and interactions, the tier and the service policy of that tier in force,
 * and when the customer is next due for contact under that policy. A customer without a
 * segment while a run is published came in after that run. Tier models other than ABC,
 * RFM and CLV show their class beside those three.
 */
record CustomerProfile(Customer customer, @Nullable String ownerName, OrderTotals totals, List<SalesOrder> orders,
		long orderCount, List<Interaction> interactions, @Nullable CustomerSegment segment,
		List<TierHistoryEntry> tierHistory, @Nullable TierPolicy policy, ContactDue contact, boolean runPublished,
		List<ModelClass> otherModels, Discriminant.@Nullable Placement provisionalCluster) {

	CustomerProfile(Customer customer, @Nullable String ownerName, OrderTotals totals, List<SalesOrder> orders,
			long orderCount, List<Interaction> interactions, @Nullable CustomerSegment segment,
			List<TierHistoryEntry> tierHistory, @Nullable TierPolicy policy, ContactDue contact, boolean runPublished) {
		this(customer, ownerName, totals, orders, orderCount, interactions, segment, tierHistory, policy, contact,
				runPublished, List.of(), null);
	}

}
