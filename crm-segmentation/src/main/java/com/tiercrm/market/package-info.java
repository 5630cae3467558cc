/**
 * Market share per segment: managers enter the market size of a region or an industry for
 * a period, and the share is our completed revenue from that segment's customers in the
 * period over it.
 */
@NullMarked
package com.tiercrm.market;

import org.jspecify.annotations.NullMarked;
