package com.tiercrm;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration that slice tests of the domain module start from.
 */
@SpringBootApplication
class DomainTestApplication {

}
