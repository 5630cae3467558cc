package com.tiercrm.bootstrap;

import java.security.SecureRandom;

/**
 * Random passwords for accounts created without one, to be shown once and then changed.
 */
public final class GeneratedPassword {

	/** Letters and digits without the look-alikes 0/O, 1/l/I. */
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final int LENGTH = 16;

	private static final SecureRandom random = new SecureRandom();

	private GeneratedPassword() {
	}

	/**
	 * A new random password of 16 letters and digits.
	 */
	public static String create() {
		StringBuilder password = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
