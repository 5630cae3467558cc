package com.tiercrm;

import com.tiercrm.testing.UsePostgres;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "tiercrm.demo.enabled=false")
@UsePostgres
class MailPostgresIntegrationTests extends MailIntegrationTests {

}
