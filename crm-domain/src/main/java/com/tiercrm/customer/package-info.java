/**
 * Customers: their profile, owner, the industries and regions they are coded by, and the
 * scoped, keyset-paged search that every page and API call uses.
 */
@NullMarked
package com.tiercrm.customer;

import org.jspecify.annotations.NullMarked;
