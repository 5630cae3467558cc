package com.tiercrm.customer.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.interaction.ContactDue;
import com.tiercrm.interaction.Interaction;
import com.tiercrm.interaction.InteractionRepository;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.policy.TierPolicies;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.tiering.clustertier.Discriminant;
import com.tiercrm.tiering.clustertier.ProvisionalClusters;
import com.tiercrm.tiering.run.CustomerSegment;
import com.tiercrm.tiering.run.CustomerTiers;
import com.tiercrm.tiering.run.SegmentationRuns;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a customer's profile in one read-only transaction, within the caller's scope.
 */
@Service
class CustomerProfiles {

	static final int RECENT_ROWS = 50;

	private final CustomerRepository customers;

	private final UserRepository users;

	private final SalesOrderRepository orders;

	private final InteractionRepository interactions;

	private final CustomerTiers tiers;

	private final TierPolicies policies;

	private final SegmentationRuns runs;

	private final ProvisionalClusters clusters;

	CustomerProfiles(CustomerRepository customers, UserRepository users, SalesOrderRepository orders,
			InteractionRepository interactions, CustomerTiers tiers, TierPolicies policies, SegmentationRuns runs,
			ProvisionalClusters clusters) {
		this.clusters = clusters;
		this.customers = customers;
		this.users = users;
		this.orders = orders;
		this.interactions = interactions;
		this.tiers = tiers;
		this.policies = policies;
		this.runs = runs;
	}

	@Transactional(readOnly = true)
	Optional<CustomerProfile> find(String code, AccessScope scope) {
		return this.customers.findByCode(code, scope).map((customer) -> {
			long id = customer.getId();
			String ownerName = (customer.getOwnerId() != null)
					? this.users.findById(customer.getOwnerId()).map(User::getDisplayName).orElse(null) : null;
			CustomerSegment segment = this.tiers.current(id).orElse(null);
			TierPolicy policy = (segment != null) ? this.policies.inForce(segment.tier()).orElse(null) : null;
			List<Interaction> recent = this.interactions.findByCustomerIdOrderByOccurredAtDescIdDesc(id,
					Limit.of(RECENT_ROWS));
			Integer cadence = (policy != null && policy.current() != null)
					? policy.current().terms().contactCadenceDays() : null;
			ContactDue contact = ContactDue.of(recent.isEmpty() ? null : recent.getFirst().getOccurredAt(), cadence,
					Instant.now());
			boolean runPublished = segment != null || this.runs.published().isPresent();
			// A customer who came in after a run that made clusters is placed in one by
			// the
			// run's discriminant until the next run.
			Discriminant.Placement provisional = (segment == null && runPublished)
					? this.clusters.placeCustomer(id).orElse(null) : null;
			return new CustomerProfile(customer, ownerName, this.orders.totalsOfCustomer(id),
					this.orders.findByCustomerIdOrderByOrderedAtDescIdDesc(id, Limit.of(RECENT_ROWS)),
					this.orders.countByCustomerId(id), recent, segment, this.tiers.history(id), policy, contact,
					runPublished, (segment != null) ? this.tiers.otherModels(id) : List.of(), provisional);
		});
	}

}
