package com.tiercrm.lease;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long work is held by the instance doing it.
 *
 * @param duration how long a lease lasts without renewal: after that, another instance
 * takes the work for dead and marks it failed
 * @param renewalInterval how often an instance renews the leases it holds, and looks for
 * expired ones; well below the duration, so that a late renewal or two do not lose a
 * lease
 * @param cancelGrace how long work asked to stop has to stop by itself: after that, any
 * instance marks it cancelled and whatever the worker still tries to finish is refused
 */
@ConfigurationProperties("tiercrm.leases")
public record LeaseProperties(@DefaultValue("60s") Duration duration, @DefaultValue("15s") Duration renewalInterval,
		@DefaultValue("30s") Duration cancelGrace) {

	public LeaseProperties {
		if (renewalInterval.compareTo(duration) >= 0) {
			throw new IllegalArgumentException("tiercrm.leases.renewal-interval (" + renewalInterval
					+ ") must be shorter than tiercrm.leases.duration (" + duration + ")");
		}
	}

}
