package com.tiercrm.tiering.clustertier;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.tiercrm.tiering.model.CustomerFacts;

/**
 * Synthetic customers in three behaviour groups with known memberships, and some who
 * never bought: big spenders who buy often and lately, regulars, and one-time buyers who
 * lapsed. Group 0 is the most valuable.
 */
record CustomerBlobs(List<CustomerFacts> facts, int[] truth) {

	/** Group of a customer who never bought. */
	static final int NONE = -1;

	static CustomerBlobs generate(int perGroup, int nonBuyers, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<CustomerFacts> facts = new ArrayList<>();
		List<Integer> truth = new ArrayList<>();
		long id = 1;
		for (int i = 0; i < perGroup; i++) {
			facts.add(customer(id++, 20 + random.nextInt(10), 50_000 * jitter(random), 3 + random.nextInt(15), 700));
			truth.add(0);
			facts.add(customer(id++, 5 + random.nextInt(3), 2_000 * jitter(random), 40 + random.nextInt(30), 400));
			truth.add(1);
			int lapsed = 300 + random.nextInt(100);
			facts.add(customer(id++, 1, 80 * jitter(random), lapsed, lapsed));
			truth.add(2);
		}
		for (int i = 0; i < nonBuyers; i++) {
			facts.add(CustomerFacts.noPurchase(id++));
			truth.add(NONE);
		}
		return new CustomerBlobs(facts, truth.stream().mapToInt(Integer::intValue).toArray());
	}

	private static double jitter(SplittableRandom random) {
		return 0.8 + 0.4 * random.nextDouble();
	}

	static CustomerFacts customer(long id, int purchaseDays, double revenue, int recency, int tenure) {
		double repeatSpend = (purchaseDays > 1) ? revenue * (purchaseDays - 1) / purchaseDays : 0;
		return new CustomerFacts(id, purchaseDays, purchaseDays, revenue, revenue * 0.3, revenue, revenue * 0.3,
				recency, (purchaseDays > 1) ? tenure - recency : 0, (purchaseDays > 1) ? tenure : recency, repeatSpend);
	}

}
