package com.tiercrm.tiering;

/**
 * What started a run.
 */
public enum RunTrigger {

	MANUAL, API, SCHEDULE

}
