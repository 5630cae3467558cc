/**
 * Reassigning customers from the customer list and a customer's page, the confirmation of
 * a reassignment by filter, and a customer's ownership history.
 */
@NullMarked
package com.tiercrm.ownership.web;

import org.jspecify.annotations.NullMarked;
