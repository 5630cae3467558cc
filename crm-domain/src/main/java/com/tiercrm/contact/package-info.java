/**
 * Contact persons: the people to talk to at a customer, with their title, phone, email
 * and WeChat, one of them the customer's primary contact; kept within the caller's scope.
 */
@NullMarked
package com.tiercrm.contact;

import org.jspecify.annotations.NullMarked;
