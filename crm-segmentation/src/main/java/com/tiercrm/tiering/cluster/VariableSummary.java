package com.tiercrm.tiering.cluster;

/**
 * What the preparation did to one variable: missing values are imputed, never dropped,
 * and said here.
 *
 * @param name the variable's name
 * @param missing the rows where it was missing (numeric: imputed with the mean, so at 0
 * once standardised; categorical: no indicator set)
 * @param levels the indicator columns made from a categorical variable, 0 for a numeric
 * one
 * @param rareRows rows of a categorical variable whose level was too rare for a column of
 * its own (no indicator set)
 */
public record VariableSummary(String name, int missing, int levels, int rareRows) {

}
