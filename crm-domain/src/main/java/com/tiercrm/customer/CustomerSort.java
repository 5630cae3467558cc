package com.tiercrm.customer;

/**
 * The orders a customer list can be sorted in. Each is a keyset over (column, id), so
 * that deep pages cost the same as the first one.
 */
public enum CustomerSort {

	NAME_ASC("c.name", false), NAME_DESC("c.name", true), CODE_ASC("c.code", false), CODE_DESC("c.code", true),
	NEWEST("c.created_at", true);

	private final String column;

	private final boolean descending;

	CustomerSort(String column, boolean descending) {
		this.column = column;
		this.descending = descending;
	}

	String column() {
		return this.column;
	}

	boolean descending() {
		return this.descending;
	}

}
