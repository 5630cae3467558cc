/**
 * The search box of every page: customers by code, name or phone and contacts by name,
 * within the user's scope, best matches first and a few of each.
 */
@NullMarked
package com.tiercrm.search;

import org.jspecify.annotations.NullMarked;
