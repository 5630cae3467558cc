package com.tiercrm.tiering.run;

import org.springframework.modulith.NamedInterface;

/**
 * What started a run.
 */
@NamedInterface("run")
public enum RunTrigger {

	MANUAL, API, SCHEDULE

}
