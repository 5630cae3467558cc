/**
 * Customer pages and the customer part of the JSON API.
 */
@NullMarked
package com.tiercrm.customer.web;

import org.jspecify.annotations.NullMarked;
