/**
 * Notifications on pages: the bell with the unread count in the navigation, the list in
 * the reader's language, and marking them read.
 */
@NullMarked
package com.tiercrm.notification.web;

import org.jspecify.annotations.NullMarked;
