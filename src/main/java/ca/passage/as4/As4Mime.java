package ca.passage.as4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;

/** SOAP with attachments: writes and reads the {@code multipart/related} packaging of an AS4 message. */
final class As4Mime {
    static final String SOAP_CONTENT_TYPE = "application/soap+xml";

    private As4Mime() {
    }

    record Unpacked(byte[] soap, List<WireAttachment> attachments) {
    }

    static As4Packet pack(byte[] soap, List<WireAttachment> attachments) {
        if (attachments.isEmpty()) {
            return new As4Packet(SOAP_CONTENT_TYPE + "; charset=UTF-8", soap);
        }
        String boundary = "----=_Part_" + UUID.randomUUID();
        String rootId = "root." + UUID.randomUUID() + "@passage";
        ByteArrayOutputStream out = new ByteArrayOutputStream(soap.length + 1024);
        part(out, boundary, SOAP_CONTENT_TYPE + "; charset=UTF-8", rootId, soap);
        for (WireAttachment a : attachments) {
            part(out, boundary, a.contentType(), a.contentId(), a.bytes());
        }
        ascii(out, "--" + boundary + "--\r\n");
        String contentType = "multipart/related; type=\"" + SOAP_CONTENT_TYPE + "\"; boundary=\"" + boundary
                + "\"; start=\"<" + rootId + ">\"";
        return new As4Packet(contentType, out.toByteArray());
    }

    private static void part(ByteArrayOutputStream out, String boundary, String type, String id, byte[] bytes) {
        ascii(out, "--" + boundary + "\r\n");
        ascii(out, "Content-Type: " + type + "\r\n");
        ascii(out, "Content-Transfer-Encoding: binary\r\n");
        ascii(out, "Content-ID: <" + id + ">\r\n\r\n");
        out.writeBytes(bytes);
        ascii(out, "\r\n");
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** The SOAP part and the attachments of a posted message; a plain SOAP body has no attachments. */
    static Unpacked unpack(String contentType, byte[] body) {
        ContentType type;
        try {
            type = new ContentType(contentType == null ? "" : contentType);
        } catch (ParseException e) {
            throw new As4Exception(EbmsErrorCode.MIME_INCONSISTENCY, "unreadable Content-Type: " + contentType);
        }
        if (type.match(SOAP_CONTENT_TYPE)) {
            return new Unpacked(body, List.of());
        }
        if (!type.match("multipart/related")) {
            throw new As4Exception(EbmsErrorCode.MIME_INCONSISTENCY,
                    "expected application/soap+xml or multipart/related, got " + type.getBaseType());
        }
        try {
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body, contentType));
            String start = type.getParameter("start");
            byte[] soap = null;
            List<WireAttachment> attachments = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String[] ids = part.getHeader("Content-ID");
                String id = ids == null || ids.length == 0 ? null : stripBrackets(ids[0]);
                boolean root = start == null ? i == 0 : start.equals("<" + id + ">") || start.equals(id);
                byte[] bytes;
                try (InputStream in = part.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                if (root) {
                    soap = bytes;
                } else {
                    if (id == null) {
                        throw new As4Exception(EbmsErrorCode.MIME_INCONSISTENCY, "an attachment has no Content-ID");
                    }
                    attachments.add(new WireAttachment(id, new ContentType(part.getContentType()).getBaseType(), bytes));
                }
            }
            if (soap == null) {
                throw new As4Exception(EbmsErrorCode.MIME_INCONSISTENCY, "the multipart message has no SOAP part");
            }
            return new Unpacked(soap, attachments);
        } catch (MessagingException | IOException e) {
            throw new As4Exception(EbmsErrorCode.MIME_INCONSISTENCY, "unreadable MIME message: " + e.getMessage(), null, e);
        }
    }

    static String stripBrackets(String id) {
        String s = id.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
