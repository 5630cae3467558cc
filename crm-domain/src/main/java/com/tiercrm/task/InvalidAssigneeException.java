package com.tiercrm.task;

/**
 * A task was given to a user who is not in the planner's scope or who may not see the
 * customer.
 */
public class InvalidAssigneeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InvalidAssigneeException(long assigneeId) {
		super("User " + assigneeId + " cannot be given this task");
	}

}
