package com.tiercrm.lease;

/**
 * Work found that its lease had expired and another instance recovered it: it must not
 * finish.
 */
public class LeaseLostException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public LeaseLostException(LeasedTable table, long id) {
		super("The lease on " + table.name() + " " + id + " was lost: another instance recovered it");
	}

}
