package com.tiercrm.customer;

import java.util.List;

/**
 * An edit made to a version of the customer that someone else changed since: carries what
 * the customer holds now, its version, and the other changes.
 */
public class CustomerEditConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient CustomerDetails current;

	private final long currentVersion;

	private final transient List<CustomerChange> otherChanges;

	public CustomerEditConflictException(CustomerDetails current, long currentVersion,
			List<CustomerChange> otherChanges) {
		super("The customer changed since version was read; it is at version " + currentVersion);
		this.current = current;
		this.currentVersion = currentVersion;
		this.otherChanges = List.copyOf(otherChanges);
	}

	public CustomerDetails current() {
		return this.current;
	}

	public long currentVersion() {
		return this.currentVersion;
	}

	public List<CustomerChange> otherChanges() {
		return this.otherChanges;
	}

}
