package com.tiercrm.today;

import org.jspecify.annotations.Nullable;

/**
 * A customer the last published run moved: to a lower tier, or below the churn threshold
 * of the probability of being alive.
 *
 * @param code the customer's code
 * @param name the customer's name
 * @param fromTier the tier in the previous run
 * @param toTier the tier now
 * @param aliveBefore the probability of being alive in the previous run, if known
 * @param aliveNow the probability now, if known
 */
public record CustomerMove(String code, String name, String fromTier, String toTier, @Nullable Double aliveBefore,
		@Nullable Double aliveNow) {

}
