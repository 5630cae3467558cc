package com.tiercrm.lease;

/**
 * Work found that it had been ended without it: its lease expired and another instance
 * recovered it, or it was cancelled after not answering in time. It must not finish.
 */
public class LeaseLostException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public LeaseLostException(LeasedTable table, long id) {
		super("The lease on " + table.name() + " " + id
				+ " was lost: the work was recovered or cancelled without its worker");
	}

}
