/**
 * Each customer's order facts as of today, kept current by every writer of orders, so
 * that a run as of today reads one row per customer instead of every order.
 */
@NullMarked
package com.tiercrm.orderfacts;

import org.jspecify.annotations.NullMarked;
