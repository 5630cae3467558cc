package com.tiercrm.task;

/**
 * A task was edited from a version someone else has changed since.
 */
public class TaskConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient TaskView current;

	public TaskConflictException(TaskView current) {
		super("Task " + current.id() + " was changed by someone else (now version " + current.version() + ")");
		this.current = current;
	}

	/**
	 * The task as it is now.
	 */
	public TaskView current() {
		return this.current;
	}

}
