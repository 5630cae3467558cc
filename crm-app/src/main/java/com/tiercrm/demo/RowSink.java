package com.tiercrm.demo;

import java.sql.SQLException;

/**
 * Where generated rows go: one implementation per way of writing them in bulk.
 */
interface RowSink {

	void customers(CustomerChunk chunk) throws SQLException;

	void orders(CustomerChunk chunk) throws SQLException;

	void interactions(CustomerChunk chunk) throws SQLException;

}
