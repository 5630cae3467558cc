/**
 * Orders and returns recorded, edited and cancelled on the customer page and through
 * {@code /api/v1/orders}.
 */
@NullMarked
package com.tiercrm.order.web;

import org.jspecify.annotations.NullMarked;
