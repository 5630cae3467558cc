package com.tiercrm.policy;

/**
 * A way of reaching a customer that a policy can prefer.
 */
public enum ServiceChannel {

	VISIT, PHONE, EMAIL, SMS, WECHAT

}
