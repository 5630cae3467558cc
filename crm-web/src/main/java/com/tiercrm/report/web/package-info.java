/**
 * {@code /tiering/report.xlsx}: the tiering report's download.
 */
@NullMarked
package com.tiercrm.report.web;

import org.jspecify.annotations.NullMarked;
