package com.tiercrm.tiering.config;

/**
 * A configuration edited from one version was saved after someone else had saved a newer
 * one: saving it would silently undo their change.
 */
public class ConfigConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient SegmentationConfig current;

	private final long baseVersion;

	ConfigConflictException(SegmentationConfig current, long baseVersion) {
		super("Segmentation configuration version " + current.getId() + " was saved after version " + baseVersion);
		this.current = current;
		this.baseVersion = baseVersion;
	}

	/**
	 * The newest version, saved after the one the edit started from.
	 */
	public SegmentationConfig current() {
		return this.current;
	}

	public long baseVersion() {
		return this.baseVersion;
	}

}
