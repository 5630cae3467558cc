package com.tiercrm;

import com.tiercrm.testing.UsePostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

@SpringBootTest(properties = "tiercrm.demo.enabled=false")
@AutoConfigureMockMvc
@UsePostgres
class ClusterVariablesPostgresIntegrationTests extends ClusterVariablesIntegrationTests {

}
