package com.tiercrm.imports;

/**
 * A field a kind of file can fill.
 *
 * @param name the field's name, as a {@link ColumnMapping} names it
 * @param label its template header in the reader's language
 * @param required whether every file must have it
 */
public record ImportField(String name, String label, boolean required) {

}
