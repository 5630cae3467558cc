/**
 * The market share page for managers.
 */
@NullMarked
package com.tiercrm.market.web;

import org.jspecify.annotations.NullMarked;
