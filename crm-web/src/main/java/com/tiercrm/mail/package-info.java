/**
 * Mail, optional and off by default: the daily digest of a user's day (what Today and the
 * bell show) and the monthly tiering report, each to the users who chose it on their
 * account page, in the language they chose, at most once per day or month however many
 * instances run.
 */
@NullMarked
package com.tiercrm.mail;

import org.jspecify.annotations.NullMarked;
