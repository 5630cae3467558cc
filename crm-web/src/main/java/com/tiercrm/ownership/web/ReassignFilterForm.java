package com.tiercrm.ownership.web;

import com.tiercrm.customer.web.CustomerFilterForm;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredSort;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The customer list's filters, as the list sends them to the reassignment of every
 * customer they match, and the new owner. The sort, cursor and size do not change which
 * customers match and are left out.
 */
class ReassignFilterForm extends CustomerFilterForm {

	@NotNull(groups = Execution.class)
	private @Nullable Long newOwner;

	TieredCriteria toCriteria() {
		return toCriteria(TieredSort.NAME_ASC, null, 1);
	}

	/**
	 * The filters as an encoded query string, for the way back to the list.
	 */
	String query() {
		return filterQuery().toString();
	}

	public @Nullable Long getNewOwner() {
		return this.newOwner;
	}

	public void setNewOwner(@Nullable Long newOwner) {
		this.newOwner = newOwner;
	}

	/**
	 * The validation group of the confirmed request, which needs the new owner.
	 */
	interface Execution {

	}

}
