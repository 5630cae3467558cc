package com.tiercrm.book.web;

/**
 * An option of the contact type, its label looked up once per page instead of once per
 * row.
 *
 * @param value the type's name
 * @param label the type's name in the user's language
 */
record TypeChoice(String value, String label) {

}
