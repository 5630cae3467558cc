/**
 * The tiering report of the published run as an Excel workbook: the run's figures with
 * each tier's service policy, so a module of its own above tiering and policy.
 */
@NullMarked
package com.tiercrm.report.web;

import org.jspecify.annotations.NullMarked;
