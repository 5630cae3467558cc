package com.tiercrm.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends one mail with a plain-text and an HTML part, and an attachment where there is
 * one.
 */
class MailDelivery {

	private final JavaMailSender sender;

	private final MailingProperties properties;

	MailDelivery(JavaMailSender sender, MailingProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	/**
	 * Sends the mail.
	 * @param to the recipient's address
	 * @param subject the subject
	 * @param parts the text
	 * @param attachments the files to attach
	 * @throws org.springframework.mail.MailException when the mail cannot be sent
	 */
	void send(String to, String subject, MailTemplates.Parts parts, List<Attachment> attachments) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(parts.text(), parts.html());
			for (Attachment attachment : attachments) {
				helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		this.sender.send(message);
	}

	/**
	 * A file sent with a mail.
	 *
	 * @param filename its name
	 * @param content its bytes
	 * @param contentType its media type
	 */
	record Attachment(String filename, byte[] content, String contentType) {

	}

}
