package com.tiercrm.tiering.run;

import org.springframework.modulith.NamedInterface;

/**
 * Where a run is.
 */
@NamedInterface("run")
public enum RunStatus {

	RUNNING, SUCCEEDED, FAILED, CANCELLED

}
