package com.tiercrm.notification;

/**
 * What a notification is about.
 */
public enum NotificationKind {

	/** A follow-up of the user's is due soon or overdue. */
	TASK_DUE,
	/** A published run moved customers of the user's to a lower tier. */
	DOWNGRADES,
	/** An import the user started ended. */
	IMPORT

}
