/**
 * Logging a contact from the customer page, now or back-dated.
 */
@NullMarked
package com.tiercrm.interaction.web;

import org.jspecify.annotations.NullMarked;
