package com.tiercrm;

import com.tiercrm.testing.UsePostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
class MergedCustomersPostgresIntegrationTests extends MergedCustomersIntegrationTests {

}
