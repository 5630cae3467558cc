package com.tiercrm.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the encoding of an uploaded text file: a byte order mark wins, then UTF-8 if the
 * whole file is valid UTF-8. Otherwise it is GB18030 (a superset of GBK and GB2312, what
 * Excel saves on Chinese Windows) or Windows-1252 (Latin-1, what Excel saves on Western
 * Windows), decided on evidence: Chinese text read as GB18030 gives common Chinese
 * characters, Latin text gives invalid sequences or rare ones ({@code Café} has an
 * {@code é} followed by a space, no GB18030 character). Also refuses files that are not
 * text at all.
 */
final class TextDecoding {

	static final Charset GB18030 = Charset.forName("GB18030");

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/**
	 * GB2312 holds the 6,763 common Chinese characters and the full-width punctuation of
	 * Chinese text: what text that really is Chinese decodes to.
	 */
	private static final Charset GB2312 = Charset.forName("GB2312");

	/**
	 * The share of common characters among the non-ASCII ones that makes a file Chinese.
	 */
	private static final double CHINESE_SHARE = 0.8;

	private static final int SNIFF_BYTES = 64 * 1024;

	private TextDecoding() {
	}

	/**
	 * The encoding of the file and how many bytes of byte order mark to skip.
	 */
	record Detected(Charset charset, int bomLength) {

	}

	static Detected detect(Path file) throws IOException {
		byte[] head = readHead(file);
		if (head.length == 0) {
			throw new ImportFileException("import.file.empty");
		}
		if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
			return new Detected(StandardCharsets.UTF_8, 3);
		}
		if (startsWith(head, 0xFF, 0xFE)) {
			return new Detected(StandardCharsets.UTF_16LE, 2);
		}
		if (startsWith(head, 0xFE, 0xFF)) {
			return new Detected(StandardCharsets.UTF_16BE, 2);
		}
		if (looksBinary(head)) {
			throw new ImportFileException("import.file.binary");
		}
		return new Detected(isValidUtf8(file) ? StandardCharsets.UTF_8 : legacy(head), 0);
	}

	/**
	 * GB18030 when the bytes read as GB18030 are valid and mostly common Chinese
	 * characters, else Windows-1252.
	 */
	static Charset legacy(byte[] head) {
		CharsetDecoder decoder = GB18030.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharsetEncoder common = GB2312.newEncoder();
		ByteBuffer in = ByteBuffer.wrap(head);
		CharBuffer out = CharBuffer.allocate(head.length + 16);
		int nonAscii = 0;
		int chinese = 0;
		while (true) {
			// Not the end of input: a character cut at the end of the sample is no error.
			CoderResult result = decoder.decode(in, out, false);
			if (result.isError()) {
				return WINDOWS_1252;
			}
			if (result.isUnderflow()) {
				break;
			}
		}
		out.flip();
		while (out.hasRemaining()) {
			char c = out.get();
			if (c >= 0x80) {
				nonAscii++;
				if (common.canEncode(c)) {
					chinese++;
				}
			}
		}
		return (nonAscii > 0 && chinese >= CHINESE_SHARE * nonAscii) ? GB18030 : WINDOWS_1252;
	}

	/**
	 * The encoding an admin chose, checked against the file.
	 */
	static Detected forced(Path file, Charset charset) throws IOException {
		byte[] head = readHead(file);
		if (head.length == 0) {
			throw new ImportFileException("import.file.empty");
		}
		boolean utf8Bom = startsWith(head, 0xEF, 0xBB, 0xBF);
		if (!charset.name().startsWith("UTF-16") && looksBinary(head)) {
			throw new ImportFileException("import.file.binary");
		}
		return new Detected(charset, (utf8Bom && charset.equals(StandardCharsets.UTF_8)) ? 3 : 0);
	}

	private static byte[] readHead(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(SNIFF_BYTES);
		}
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** NUL bytes, or many control characters other than tab and line breaks. */
	private static boolean looksBinary(byte[] head) {
		int control = 0;
		for (byte b : head) {
			int c = b & 0xFF;
			if (c == 0) {
				return true;
			}
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C) {
				control++;
			}
		}
		return control > head.length / 100 + 1;
	}

	private static boolean isValidUtf8(Path file) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(SNIFF_BYTES);
		CharBuffer out = CharBuffer.allocate(SNIFF_BYTES);
		try (InputStream stream = Files.newInputStream(file)) {
			byte[] chunk = new byte[SNIFF_BYTES];
			int read;
			while ((read = stream.read(chunk, 0, in.remaining())) > 0) {
				in.put(chunk, 0, read);
				in.flip();
				if (!decodeChunk(decoder, in, out, false)) {
					return false;
				}
				in.compact();
			}
			in.flip();
			return decodeChunk(decoder, in, out, true) && !in.hasRemaining();
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean decodeChunk(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean last)
			throws CharacterCodingException {
		while (true) {
			out.clear();
			CoderResult result = decoder.decode(in, out, last);
			if (result.isError()) {
				return false;
			}
			if (result.isUnderflow()) {
				return true;
			}
		}
	}

}
