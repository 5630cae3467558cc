package com.tiercrm.ownership;

import java.util.List;

import com.tiercrm.customer.CustomersMerged;
import com.tiercrm.tiering.insight.OwnerFigures;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A merged customer leaves its owner's dashboard figures of the published run at once
 * rather than at the next run: its owner's figures are rewritten, without it, in the
 * transaction of the merge (once the merged customer's status is written, hence before
 * the commit). The customer kept shows the merged one's orders from the next run on, as
 * its tiers do.
 */
@Component
class MergedCustomerOwners {

	private final JdbcTemplate jdbc;

	private final OwnerFigures figures;

	MergedCustomerOwners(JdbcTemplate jdbc, OwnerFigures figures) {
		this.jdbc = jdbc;
		this.figures = figures;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void merged(CustomersMerged merged) {
		List<Long> owners = this.jdbc.queryForList("select owner_id from customers where id = ?", Long.class,
				merged.mergedId());
		// Unowned customers have no figures; ownersChanged ignores nulls.
		this.figures.ownersChanged(owners);
	}

}
