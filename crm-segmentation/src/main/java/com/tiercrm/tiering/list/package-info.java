/**
 * The one customer search, tier-aware: search criteria, sort, keyset pages, filter
 * options and the tier labels. The customer pages, their exports and the customer API use
 * all of it, so the whole package is a named interface of the tiering module.
 */
@NamedInterface("list")
@NullMarked
package com.tiercrm.tiering.list;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
