/**
 * Which web requests may read from the read replica.
 */
@NullMarked
package com.tiercrm.database.web;

import org.jspecify.annotations.NullMarked;
