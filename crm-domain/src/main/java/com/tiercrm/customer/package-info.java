/**
 * Customers: their profile, owner, and the industries and regions they are coded by. The
 * one customer search, which also filters by tier, is the tiering module's list.
 */
@NullMarked
package com.tiercrm.customer;

import org.jspecify.annotations.NullMarked;
