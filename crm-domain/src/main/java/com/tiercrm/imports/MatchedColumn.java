package com.tiercrm.imports;

/**
 * One column of an uploaded file and the field it is matched to.
 *
 * @param index the column's position, from 0
 * @param header the header as the file spells it
 * @param field the field's name, or empty when the column is ignored
 */
public record MatchedColumn(int index, String header, String field) {

}
