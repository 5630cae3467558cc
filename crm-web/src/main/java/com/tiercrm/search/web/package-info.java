/**
 * The search box in the navigation and its results page.
 */
@NullMarked
package com.tiercrm.search.web;

import org.jspecify.annotations.NullMarked;
