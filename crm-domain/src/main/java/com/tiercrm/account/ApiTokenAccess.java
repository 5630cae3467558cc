package com.tiercrm.account;

/**
 * What a personal access token may do: read only, or also change (POST, PUT, PATCH,
 * DELETE).
 */
public enum ApiTokenAccess {

	READ_ONLY, READ_WRITE

}
