/**
 * Saving, picking and deleting the customer list's saved views.
 */
@NullMarked
package com.tiercrm.savedview.web;

import org.jspecify.annotations.NullMarked;
