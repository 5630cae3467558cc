package com.tiercrm.tiering.list;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The customers a list's criteria match within a scope, as a query of their ids for
 * set-based statements, with its named parameters.
 *
 * @param idQuery a query returning one column, the customers' ids
 * @param params its parameters
 */
public record MatchingCustomers(String idQuery, MapSqlParameterSource params) {

}
