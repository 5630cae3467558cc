package com.tiercrm.ownership;

import java.util.List;

/**
 * Thrown by {@link CustomerReassignments} when customers named by code were merged into
 * others: a merged customer keeps no owner of its own, the customer it was merged into
 * does.
 */
public class CustomerMergedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> codes;

	public CustomerMergedException(List<String> codes) {
		super("Merged customers cannot be reassigned: " + codes);
		this.codes = List.copyOf(codes);
	}

	/** The merged customers' codes. */
	public List<String> codes() {
		return this.codes;
	}

}
