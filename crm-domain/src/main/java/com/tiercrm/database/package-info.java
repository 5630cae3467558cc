/**
 * What the application needs to know about the database it runs on.
 */
@NullMarked
package com.tiercrm.database;

import org.jspecify.annotations.NullMarked;
