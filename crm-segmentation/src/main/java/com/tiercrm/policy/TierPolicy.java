package com.tiercrm.policy;

import org.jspecify.annotations.Nullable;

/**
 * A tier and the version of its policy in force, if it has one.
 */
public record TierPolicy(Tier tier, @Nullable PolicyVersion current) {

	/**
	 * The version a new save is based on: 0 while the tier has no policy.
	 * @return the current version number
	 */
	public int version() {
		return (this.current != null) ? this.current.version() : 0;
	}

}
