/**
 * The admin pages for user accounts.
 */
@NullMarked
package com.tiercrm.account.web;

import org.jspecify.annotations.NullMarked;
