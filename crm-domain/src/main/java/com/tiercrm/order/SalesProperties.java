package com.tiercrm.order;

import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sales settings of the installation.
 *
 * @param currency the one currency all amounts are in
 */
@ConfigurationProperties("tiercrm.sales")
public record SalesProperties(@DefaultValue("CNY") Currency currency) {

}
