package com.tiercrm.tiering.run;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * What a run knows besides the facts, for a model that reads more than the order facts:
 * the as-of date and, when the model asks for them
 * ({@link TierModel#needsClv(com.tiercrm.tiering.config.SegmentationSettings)}), the CLV
 * model's results of the same run.
 *
 * @param asOf the run's as-of date
 * @param windowMonths the months of the ABC window, 0 for all time
 * @param probabilityAlive each customer's probability of still buying (NaN where the CLV
 * model used its simple formula or the customer never bought), in the order of the facts;
 * {@code null} when not asked for
 * @param predictedValue each customer's predicted lifetime value; {@code null} when not
 * asked for
 */
@NamedInterface("run")
public record RunInputs(LocalDate asOf, int windowMonths, double @Nullable [] probabilityAlive,
		double @Nullable [] predictedValue) {

}
