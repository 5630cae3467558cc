/**
 * The first administrator of an installation that starts without any users.
 */
@NullMarked
package com.tiercrm.bootstrap;

import org.jspecify.annotations.NullMarked;
