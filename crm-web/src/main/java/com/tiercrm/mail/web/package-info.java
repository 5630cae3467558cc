/**
 * The mail pages: each user's own choice of mail on their account, and the admins' list
 * of who gets what.
 */
@NullMarked
package com.tiercrm.mail.web;

import org.jspecify.annotations.NullMarked;
