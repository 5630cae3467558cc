/**
 * Sessions of users whose rights changed end at once, on every instance: they are kept in
 * the database (Spring Session JDBC).
 */
@NullMarked
package com.tiercrm.session;

import org.jspecify.annotations.NullMarked;
