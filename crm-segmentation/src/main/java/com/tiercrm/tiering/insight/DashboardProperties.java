package com.tiercrm.tiering.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.NamedInterface;

/**
 * Settings of the per-run aggregates behind the dashboard and the effect evaluation.
 *
 * @param churnThreshold a buyer whose probability of being alive is below this counts as
 * churned
 * @param downgradesPerOwner how many downgraded customers are kept per owner, most
 * valuable first
 */
@NamedInterface("insight")
@ConfigurationProperties("tiercrm.dashboard")
public record DashboardProperties(@DefaultValue("0.3") double churnThreshold,
		@DefaultValue("50") int downgradesPerOwner) {

}
