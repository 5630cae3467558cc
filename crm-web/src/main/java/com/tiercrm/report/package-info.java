/**
 * The tiering report of the published run as an Excel workbook and as a PDF: the run's
 * figures with each tier's service policy, so a module of its own above tiering and
 * policy. It is downloaded from the evaluation page and mailed monthly to the managers
 * who chose it.
 */
@NullMarked
package com.tiercrm.report;

import org.jspecify.annotations.NullMarked;
