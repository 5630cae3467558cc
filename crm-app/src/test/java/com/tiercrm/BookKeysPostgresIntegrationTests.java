package com.tiercrm;

import com.tiercrm.testing.UsePostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * On PostgreSQL every run, however small, is followed in the background, as a run of a
 * million customers is in production.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
		properties = { "tiercrm.demo.enabled=false", "tiercrm.book.background-from=0" })
@UsePostgres
class BookKeysPostgresIntegrationTests extends BookKeysIntegrationTests {

}
