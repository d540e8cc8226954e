package ca.passage.as4;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

import org.apache.wss4j.common.ext.Attachment;
import org.apache.wss4j.common.ext.AttachmentRequestCallback;
import org.apache.wss4j.common.ext.AttachmentResultCallback;

/**
 * Hands the MIME attachments to WSS4J (to digest, encrypt or decrypt them) and keeps what WSS4J gives back: an
 * encrypted attachment when sealing, a decrypted one when opening. {@code Attachments} asks for all of them.
 */
final class AttachmentCallbacks implements CallbackHandler {
    private final Map<String, WireAttachment> attachments = new LinkedHashMap<>();
    private final Set<String> replaced = new HashSet<>();

    AttachmentCallbacks(List<WireAttachment> parts) {
        parts.forEach(p -> attachments.put(p.contentId(), p));
    }

    @Override
    public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof AttachmentRequestCallback request) {
                request.setAttachments(requested(request.getAttachmentId()));
            } else if (c instanceof AttachmentResultCallback result) {
                String id = result.getAttachmentId();
                Attachment a = result.getAttachment();
                if (!attachments.containsKey(id)) {
                    throw new IOException("WSS4J returned an attachment that was not sent: " + id);
                }
                try (InputStream in = a.getSourceStream()) {
                    attachments.put(id, new WireAttachment(id, a.getMimeType() == null ? "application/octet-stream"
                            : a.getMimeType(), in.readAllBytes()));
                }
                replaced.add(id);
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }

    private List<Attachment> requested(String id) throws IOException {
        List<Attachment> out = new ArrayList<>();
        for (WireAttachment w : attachments.values()) {
            if (id == null || "Attachments".equals(id) || w.contentId().equals(id)) {
                Attachment a = new Attachment();
                a.setId(w.contentId());
                a.setMimeType(w.contentType());
                a.addHeader("Content-ID", "<" + w.contentId() + ">");
                a.addHeader("Content-Type", w.contentType());
                a.setSourceStream(new ByteArrayInputStream(w.bytes()));
                out.add(a);
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no attachment with Content-ID " + id);
        }
        return out;
    }

    List<WireAttachment> current() {
        return List.copyOf(attachments.values());
    }

    /** Whether WSS4J returned (encrypted or decrypted) every attachment. */
    boolean allReplaced() {
        return replaced.containsAll(attachments.keySet());
    }
}
