package com.tiercrm.customer;

/**
 * How a customer was acquired, online (shops, website) or offline (stores, trade shows,
 * referrals).
 */
public enum ChannelType {

	ONLINE, OFFLINE

}
