package com.tiercrm.tiering;

/**
 * Where a run is.
 */
public enum RunStatus {

	RUNNING, SUCCEEDED, FAILED

}
