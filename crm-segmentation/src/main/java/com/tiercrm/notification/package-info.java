/**
 * In-app notifications: follow-ups coming due, downgrades of a user's customers after a
 * published run, and the end of a user's imports. Each is stored as a message key with
 * its arguments and rendered in the reader's language; every writer adds its
 * notifications with one set-based statement.
 */
@NullMarked
package com.tiercrm.notification;

import org.jspecify.annotations.NullMarked;
