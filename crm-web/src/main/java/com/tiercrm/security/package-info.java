/**
 * Who is logged in and what they may reach: form login for pages, HTTP Basic for the JSON
 * API, users from the database.
 */
@NullMarked
package com.tiercrm.security;

import org.jspecify.annotations.NullMarked;
