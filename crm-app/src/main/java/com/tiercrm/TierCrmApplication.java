package com.tiercrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * TierCRM: a CRM built around customer tiering.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TierCrmApplication {

	public static void main(String[] args) {
		SpringApplication.run(TierCrmApplication.class, args);
	}

}
