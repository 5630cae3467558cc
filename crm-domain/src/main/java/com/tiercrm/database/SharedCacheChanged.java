package com.tiercrm.database;

/**
 * The content of a cache shared by the instances changed here: once the change is
 * committed, every instance empties its copy.
 *
 * @param cacheName the cache's name (an {@link InstanceCache}'s or the cache manager's)
 */
public record SharedCacheChanged(String cacheName) {

}
