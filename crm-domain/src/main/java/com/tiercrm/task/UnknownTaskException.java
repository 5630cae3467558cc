package com.tiercrm.task;

/**
 * A task that does not exist or is on a customer the user may not see; the two look the
 * same.
 */
public class UnknownTaskException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UnknownTaskException(long id) {
		super("No task " + id);
	}

}
