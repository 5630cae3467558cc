package com.tiercrm.lease;

/**
 * Work found that someone asked it to stop: it must unwind without finishing, and end as
 * cancelled.
 */
public class WorkCancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public WorkCancelledException(LeasedTable table, long id) {
		super(table.name() + " " + id + " was asked to stop");
	}

}
