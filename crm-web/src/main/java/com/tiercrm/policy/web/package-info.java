/**
 * The pages and JSON API of tier service policies.
 */
@NullMarked
package com.tiercrm.policy.web;

import org.jspecify.annotations.NullMarked;
