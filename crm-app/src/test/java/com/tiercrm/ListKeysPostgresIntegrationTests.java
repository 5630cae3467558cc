package com.tiercrm;

import com.tiercrm.testing.UsePostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "tiercrm.demo.enabled=false")
@UsePostgres
class ListKeysPostgresIntegrationTests extends ListKeysIntegrationTests {

}
