/**
 * A customer's contacts on the customer page and in {@code /api/v1}.
 */
@NullMarked
package com.tiercrm.contact.web;

import org.jspecify.annotations.NullMarked;
