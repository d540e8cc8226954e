package ca.passage.crypto;

import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * Test-only sealer that a hostile or badly configured partner might run: any algorithms, optional raw
 * plaintext instead of the real payload content. Production code has no such path.
 */
final class HostileSealer {
    String signatureAlgorithm = Algorithms.RSA_SHA256;
    String digestAlgorithm = Algorithms.SHA256;
    String contentAlgorithm = Algorithms.AES256_GCM;
    String keyTransport = Algorithms.RSA_OAEP_MGF1P;
    boolean encrypt = true;
    byte[] rawPayloadPlaintext;

    byte[] seal(Document env, PrivateKey signKey, X509Certificate signCert, X509Certificate recipient) throws Exception {
        org.apache.xml.security.Init.init();
        Document doc = (Document) env.cloneNode(true);
        Element root = doc.getDocumentElement();
        Element header = EnvelopeDom.childElements(root, EnvelopeDom.NS, EnvelopeDom.HEADER).get(0);
        Element payload = EnvelopeDom.childElements(root, EnvelopeDom.NS, EnvelopeDom.PAYLOAD).get(0);
        header.setIdAttributeNS(null, "Id", true);
        payload.setIdAttributeNS(null, "Id", true);
        XMLSignature sig = new XMLSignature(doc, "", signatureAlgorithm, Algorithms.EXC_C14N);
        root.appendChild(sig.getElement());
        for (Element e : new Element[] {header, payload}) {
            Transforms t = new Transforms(doc);
            t.addTransform(Algorithms.EXC_C14N);
            sig.addDocument("#" + e.getAttribute("Id"), t, digestAlgorithm);
        }
        sig.addKeyInfo(signCert);
        sig.sign(signKey);
        if (!encrypt) {
            return MessageXml.serialize(doc);
        }
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(Algorithms.aesBits(contentAlgorithm));
        SecretKey cek = g.generateKey();
        XMLCipher kc = XMLCipher.getInstance(keyTransport);
        kc.init(XMLCipher.WRAP_MODE, recipient.getPublicKey());
        EncryptedKey ek = kc.encryptKey(doc, cek);
        XMLCipher dc = XMLCipher.getInstance(contentAlgorithm);
        dc.init(XMLCipher.ENCRYPT_MODE, cek);
        KeyInfo ki = new KeyInfo(doc);
        ki.add(ek);
        dc.getEncryptedData().setKeyInfo(ki);
        if (rawPayloadPlaintext == null) {
            dc.doFinal(doc, payload, true);
        } else {
            EncryptedData ed = dc.encryptData(doc, null, new ByteArrayInputStream(rawPayloadPlaintext));
            ed.setType(Algorithms.XENC_CONTENT);
            Element edEl = dc.martial(doc, ed);
            for (Node n = payload.getFirstChild(); n != null; n = payload.getFirstChild()) {
                payload.removeChild(n);
            }
            payload.appendChild(edEl);
        }
        return MessageXml.serialize(doc);
    }
}
