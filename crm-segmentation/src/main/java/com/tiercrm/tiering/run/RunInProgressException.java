package com.tiercrm.tiering.run;

/**
 * Only one segmentation run at a time: this one was asked for while another is running.
 */
public class RunInProgressException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final long runningRunId;

	RunInProgressException(long runningRunId) {
		super("Segmentation run " + runningRunId + " is in progress");
		this.runningRunId = runningRunId;
	}

	public long runningRunId() {
		return this.runningRunId;
	}

}
