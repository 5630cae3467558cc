package com.tiercrm.audit;

/**
 * What an audit entry records. Its message key is {@code audit.action.NAME}.
 */
public enum AuditAction {

	/** A sign-in on the form succeeded. */
	SIGN_IN,

	/** A sign-in, on the form or over HTTP Basic, failed. */
	SIGN_IN_FAILED,

	/** Customers were exported: the filter and the number of rows. */
	EXPORT,

	/** An import file was checked (a dry run). */
	IMPORT_CHECKED,

	/** An import was committed. */
	IMPORT_COMMITTED,

	/** A user was created. */
	USER_CREATED,

	/** A user's name, role, team, flags or state changed. */
	USER_CHANGED,

	/** An admin set a user's password. */
	PASSWORD_RESET,

	/** A user changed their own password. */
	PASSWORD_CHANGED,

	/** A team was created, renamed or removed. */
	TEAM_CHANGED,

	/** A new version of the tier thresholds was saved. */
	THRESHOLDS_SAVED,

	/** A tier's service policy was saved. */
	POLICY_SAVED,

	/** A cluster was named. */
	CLUSTER_RENAMED,

	/** A market size was entered or removed. */
	MARKET_SIZE_CHANGED,

	/** A user changed their e-mail address or their choice of mail. */
	MAIL_SETTINGS_CHANGED,

	/** Customers were given to another owner. */
	CUSTOMERS_REASSIGNED,

	/** Two customers were merged. */
	CUSTOMERS_MERGED,

	/** A personal access token was created. */
	TOKEN_CREATED,

	/** A personal access token was revoked. */
	TOKEN_REVOKED

}
