/**
 * Each user's own pages: API tokens and password change.
 */
@NullMarked
package com.tiercrm.security.web;

import org.jspecify.annotations.NullMarked;
