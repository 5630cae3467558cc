package com.tiercrm.tiering.forecast;

import java.util.ArrayList;
import java.util.List;

import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.SyntheticCustomers;

/**
 * A seeded synthetic base ({@link SyntheticCustomers}, drawn from known BG/NBD and
 * Gamma-Gamma parameters in days) split at a calibration day into the facts as of that
 * day and what each customer did in the holdout days after it.
 */
final class SyntheticHoldout {

	private SyntheticHoldout() {
	}

	/**
	 * Draws and splits a base.
	 * @param size customers
	 * @param calibrationDays the calibration end day; first purchases fall in its first
	 * half
	 * @param holdoutDays days after it
	 * @param seed the seed
	 * @return one holdout customer per drawn customer
	 */
	static List<HoldoutCustomer> draw(int size, int calibrationDays, int holdoutDays, long seed) {
		SyntheticCustomers base = SyntheticCustomers.draw(size, calibrationDays / 2, calibrationDays + holdoutDays,
				seed);
		List<HoldoutCustomer> customers = new ArrayList<>(size);
		for (SyntheticCustomers.Customer customer : base.customers()) {
			int[] days = customer.days();
			double[] amounts = customer.amounts();
			int purchaseDays = 0;
			double total = 0;
			double repeat = 0;
			int holdoutPurchases = 0;
			double holdoutSpend = 0;
			for (int k = 0; k < days.length; k++) {
				if (days[k] <= calibrationDays) {
					purchaseDays++;
					total += amounts[k];
					repeat += (k > 0) ? amounts[k] : 0;
				}
				else {
					holdoutPurchases++;
					holdoutSpend += amounts[k];
				}
			}
			int last = days[purchaseDays - 1];
			CustomerFacts facts = new CustomerFacts(customer.id(), purchaseDays, purchaseDays, total, total, total,
					total, calibrationDays - last, last - days[0], calibrationDays - days[0], repeat);
			customers.add(new HoldoutCustomer(facts, holdoutPurchases, holdoutSpend));
		}
		return customers;
	}

	/**
	 * A fit that is exactly the generating parameters, in days.
	 * @return the fit
	 */
	static ClvFit trueParameters() {
		return new ClvFit(SyntheticCustomers.PURCHASES.r(), SyntheticCustomers.PURCHASES.alpha(),
				SyntheticCustomers.PURCHASES.a(), SyntheticCustomers.PURCHASES.b(), SyntheticCustomers.SPEND.p(),
				SyntheticCustomers.SPEND.q(), SyntheticCustomers.SPEND.gamma(), Double.NaN, Double.NaN, ClvTimeUnit.DAY,
				0, 0, true, 0, 0, 0, false, null, ClvPurchaseModel.BG_NBD, null);
	}

}
