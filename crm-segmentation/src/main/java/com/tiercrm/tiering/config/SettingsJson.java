package com.tiercrm.tiering.config;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings and run reports as JSON text, the form they are stored in.
 */
public final class SettingsJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private SettingsJson() {
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static <T> T read(String json, Class<T> type) {
		try {
			return MAPPER.readValue(json, type);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Stored JSON does not fit " + type.getSimpleName(), ex);
		}
	}

}
