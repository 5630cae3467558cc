/**
 * What every page shares: the layout's language switch, locale handling, the login page
 * and the sections that later features fill, and the text rule of exported spreadsheets.
 */
@NullMarked
package com.tiercrm.web;

import org.jspecify.annotations.NullMarked;
