/**
 * Users, their roles and teams, and the {@link com.tiercrm.account.AccessScope} that
 * decides which customers a user may see.
 */
@NullMarked
package com.tiercrm.account;

import org.jspecify.annotations.NullMarked;
