/**
 * Plain-Java checks and forecasts built on the fitted CLV model: a holdout check of the
 * purchase model (predicted against actual repeat purchases after a past as-of date) and
 * a sales forecast of purchases and revenue per group over a horizon, with an interval
 * and a backtest of both.
 */
@NullMarked
package com.tiercrm.tiering.forecast;

import org.jspecify.annotations.NullMarked;
