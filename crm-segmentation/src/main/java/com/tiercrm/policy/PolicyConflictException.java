package com.tiercrm.policy;

/**
 * Someone saved the policy after the version an edit was based on; the edit is refused so
 * that their change is not overwritten unseen.
 */
public class PolicyConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient TierPolicy current;

	private final int baseVersion;

	public PolicyConflictException(TierPolicy current, int baseVersion) {
		super("Policy of " + current.tier().code() + " is at version " + current.version() + ", not " + baseVersion);
		this.current = current;
		this.baseVersion = baseVersion;
	}

	/**
	 * The policy as it is now, with the version that got in first.
	 * @return the current policy
	 */
	public TierPolicy current() {
		return this.current;
	}

	public int baseVersion() {
		return this.baseVersion;
	}

}
