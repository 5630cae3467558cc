/**
 * Sales orders: what customers bought, when, for how much and with what gross profit, in
 * the installation's one currency.
 */
@NullMarked
package com.tiercrm.order;

import org.jspecify.annotations.NullMarked;
