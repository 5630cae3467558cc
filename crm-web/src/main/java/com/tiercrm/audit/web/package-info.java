/**
 * The audit log for admins: a page and {@code GET /api/v1/audit}.
 */
@NullMarked
package com.tiercrm.audit.web;

import org.jspecify.annotations.NullMarked;
