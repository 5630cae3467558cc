package com.tiercrm.tiering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the per-run aggregates behind the dashboard and the effect evaluation.
 *
 * @param churnThreshold a buyer whose probability of being alive is below this counts as
 * churned
 * @param downgradesPerOwner how many downgraded customers are kept per owner, most
 * valuable first
 */
@ConfigurationProperties("tiercrm.dashboard")
public record DashboardProperties(@DefaultValue("0.3") double churnThreshold,
		@DefaultValue("50") int downgradesPerOwner) {

}
