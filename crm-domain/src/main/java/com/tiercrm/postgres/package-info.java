/**
 * PostgreSQL's bulk interfaces as the loads use them: rows written in COPY text format.
 */
@NullMarked
package com.tiercrm.postgres;

import org.jspecify.annotations.NullMarked;
