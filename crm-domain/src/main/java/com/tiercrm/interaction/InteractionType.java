package com.tiercrm.interaction;

/**
 * The kinds of contact a rep logs.
 */
public enum InteractionType {

	VISIT, CALL, EMAIL, MEETING, WECHAT, COMPLAINT, SATISFACTION_SURVEY

}
