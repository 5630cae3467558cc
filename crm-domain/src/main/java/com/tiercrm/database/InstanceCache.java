package com.tiercrm.database;

/**
 * A cache kept by each instance outside the cache manager, which the instances empty
 * together when its content changes: the instance that changes it publishes
 * {@link SharedCacheChanged}, and every instance empties its own on the message.
 */
public interface InstanceCache {

	/** The name the instances know the cache by. */
	String cacheName();

	/** Empties this instance's copy. */
	void clear();

}
