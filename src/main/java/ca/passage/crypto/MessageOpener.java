package ca.passage.crypto;

import org.apache.xml.security.algorithms.JCEMapper;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.XMLCipherInput;
import org.apache.xml.security.encryption.XMLCipherUtil;
import org.apache.xml.security.encryption.keys.KeyInfoEnc;
import org.apache.xml.security.encryption.params.KeyAgreementParameters;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentFragment;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.crypto.Cipher;
import java.security.Key;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Opens an inbound message: hardened parse, structure and algorithm checks, decryption with any generation of
 * the own keyring, then signature verification against the sender's pinned certificate only, with
 * signature-wrapping defences (exactly the one Header and the one Payload that are direct children of
 * env:Message are signed, Ids unique). Every refusal is a {@link SecurityRefusal}.
 */
public final class MessageOpener {
    private static final Set<String> DSIG_ALGORITHM_ELEMENTS = Set.of("SignatureMethod", "DigestMethod",
            "CanonicalizationMethod", "Transform");

    private final Keyring keyring;
    private final CryptoPolicy policy;
    private final Clock clock;
    private final Primitives.BouncyCastleKeys bouncyCastleKeys = new Primitives.BouncyCastleKeys();

    public MessageOpener(Keyring keyring, CryptoPolicy policy, Clock clock) {
        this.keyring = Objects.requireNonNull(keyring);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        org.apache.xml.security.Init.init();
    }

    public OpenedMessage open(byte[] raw, PartnerTrust sender, CryptoProfile expectedProfile) {
        if (raw == null || raw.length == 0) {
            throw new SecurityRefusal(RefusalCode.MALFORMED, "empty message");
        }
        if (raw.length > policy.maxMessageBytes()) {
            throw new SecurityRefusal(RefusalCode.OVERSIZE, "message of " + raw.length + " bytes exceeds the limit of "
                    + policy.maxMessageBytes());
        }
        policy.checkProfile(expectedProfile);
        Document doc = MessageXml.parse(raw);
        Element root = doc.getDocumentElement();
        if (!EnvelopeDom.NS.equals(root.getNamespaceURI()) || !EnvelopeDom.MESSAGE.equals(root.getLocalName())) {
            throw new SecurityRefusal(RefusalCode.MALFORMED, "root element is not {" + EnvelopeDom.NS + "}Message");
        }
        scanRefusedAlgorithms(root);
        Parts parts = structure(doc);

        decryptPayload(doc, parts.payload(), expectedProfile);
        parts = structure(doc);

        Element sigEl = parts.signature();
        scanRefusedAlgorithms(sigEl);
        checkNoObjects(sigEl);
        parts.header().setIdAttributeNS(null, EnvelopeDom.ID, true);
        parts.payload().setIdAttributeNS(null, EnvelopeDom.ID, true);
        X509Certificate pinned = sender.signingCert();
        PublicKey pinnedKey = bouncyCastleKeys.of(pinned.getPublicKey());
        XMLSignature sig;
        try {
            sig = new XMLSignature(sigEl, "", true, Primitives.forSignature(pinnedKey));
        } catch (Exception e) {
            throw new SecurityRefusal(RefusalCode.SIGNATURE_INVALID, "signature element cannot be read: " + e.getClass().getSimpleName());
        }
        checkSignedInfo(sig.getSignedInfo(), parts, expectedProfile);
        checkDeclaredSigner(sig, pinned, sender.partnerId());
        CertificateChecks.check("partner " + sender.partnerId() + " signing", pinned, sender.crls(), policy.requireCrl(),
                clock.instant());
        boolean valid;
        try {
            valid = sig.checkSignatureValue(pinnedKey);
        } catch (Exception e) {
            throw new SecurityRefusal(RefusalCode.SIGNATURE_INVALID, "signature verification failed: " + e.getClass().getSimpleName());
        }
        if (!valid) {
            throw new SecurityRefusal(RefusalCode.SIGNATURE_INVALID, "signature or reference digest does not verify with the pinned certificate of "
                    + sender.partnerId());
        }
        return new OpenedMessage(doc, parts.header(), parts.payload(), Pem.sha256Fingerprint(pinned), expectedProfile.name());
    }

    // ------------------------------------------------------------------------------------------- structure

    private record Parts(Element header, Element payload, Element signature) {
    }

    /** The envelope must be exactly Header, Payload, Signature as children of Message; nothing nested or duplicated. */
    private static Parts structure(Document doc) {
        Element root = doc.getDocumentElement();
        NodeList sigs = doc.getElementsByTagNameNS(Algorithms.DSIG_NS, "Signature");
        if (sigs.getLength() == 0) {
            throw new SecurityRefusal(RefusalCode.SIGNATURE_MISSING, "message carries no ds:Signature");
        }
        if (sigs.getLength() > 1) {
            throw new SecurityRefusal(RefusalCode.SIGNATURE_WRAPPING, "message carries " + sigs.getLength() + " ds:Signature elements");
        }
        Element sig = (Element) sigs.item(0);
        if (sig.getParentNode() != root) {
            throw new SecurityRefusal(RefusalCode.SIGNATURE_WRAPPING, "ds:Signature is not a child of env:Message");
        }
        for (String name : List.of(EnvelopeDom.HEADER, EnvelopeDom.PAYLOAD)) {
            int n = doc.getElementsByTagNameNS(EnvelopeDom.NS, name).getLength();
            if (n != 1) {
                throw new SecurityRefusal(n == 0 ? RefusalCode.MALFORMED : RefusalCode.SIGNATURE_WRAPPING,
                        "message has " + n + " env:" + name + " elements, expected exactly one");
            }
        }
        List<Element> children = EnvelopeDom.childElements(root);
        if (children.size() != 3 || !isEnv(children.get(0), EnvelopeDom.HEADER) || !isEnv(children.get(1), EnvelopeDom.PAYLOAD)
                || children.get(2) != sig) {
            throw new SecurityRefusal(RefusalCode.SIGNATURE_WRAPPING,
                    "env:Message must contain exactly env:Header, env:Payload and ds:Signature, in that order");
        }
        for (Element signed : List.of(children.get(0), children.get(1))) {
            if (signed.getAttributeNS(null, EnvelopeDom.ID).isBlank()) {
                throw new SecurityRefusal(RefusalCode.ID_MISSING, "env:" + signed.getLocalName()
                        + " has no Id attribute for the signature to reference");
            }
        }
        Set<String> ids = new java.util.HashSet<>();
        collectIds(root, ids, false);
        return new Parts(children.get(0), children.get(1), sig);
    }

    private static boolean isEnv(Element e, String name) {
        return EnvelopeDom.NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName());
    }

    /**
     * Collects the values of every Id-like attribute (Id, ID, id, in any namespace) below {@code e}; a value seen
     * twice is a wrapping attempt (or, when sealing, a broken envelope). Iterative, like every walk of a partner's
     * tree here: no nesting depth can overflow the stack.
     */
    static void collectIds(Element e, Set<String> seen, boolean sealing) {
        for (Element el : elements(e)) {
            NamedNodeMap attrs = el.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String ln = a.getLocalName() == null ? a.getName() : a.getLocalName();
                if (ln.equalsIgnoreCase("id") && !seen.add(a.getValue())) {
                    if (sealing) {
                        throw new IllegalArgumentException("envelope has a duplicate Id value");
                    }
                    throw new SecurityRefusal(RefusalCode.SIGNATURE_WRAPPING, "duplicate Id value in the message");
                }
            }
        }
    }

    /** {@code root} and every element below it, in document order, walked without recursion. */
    static List<Element> elements(Element root) {
        List<Element> out = new ArrayList<>();
        Node n = root;
        while (n != null) {
            if (n instanceof Element el) {
                out.add(el);
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != root && n.getNextSibling() == null) {
                n = n.getParentNode();
            }
            n = n == root ? null : n.getNextSibling();
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ algorithms

    /** Any refused algorithm in a signature or encryption method anywhere (OAEP's inner digest excepted). */
    private void scanRefusedAlgorithms(Element root) {
        for (Element e : elements(root)) {
            String ns = e.getNamespaceURI();
            if (e.hasAttributeNS(null, "Algorithm") && (Algorithms.DSIG_NS.equals(ns) || Algorithms.XENC_NS.equals(ns)
                    || Algorithms.XENC11_NS.equals(ns) || "http://www.w3.org/2009/xmldsig11#".equals(ns)
                    || "http://www.w3.org/2021/04/xmldsig-more#".equals(ns))) {
                String alg = e.getAttributeNS(null, "Algorithm");
                boolean oaepDigest = "DigestMethod".equals(e.getLocalName()) && e.getParentNode() instanceof Element p
                        && "EncryptionMethod".equals(p.getLocalName()) && Algorithms.XENC_NS.equals(p.getNamespaceURI());
                if (!oaepDigest && policy.refusedAlgorithms().contains(alg)) {
                    throw new SecurityRefusal(RefusalCode.ALGORITHM_REFUSED, e.getLocalName() + " uses refused algorithm " + alg);
                }
            }
        }
    }

    private void expect(String what, String actual, String expected) {
        policy.checkAlgorithm(what, actual);
        if (!actual.equals(expected)) {
            throw new SecurityRefusal(RefusalCode.ALGORITHM_REFUSED, what + " uses " + actual + " but the profile requires "
                    + expected);
        }
    }

    private static void checkNoObjects(Element sigEl) {
        if (!EnvelopeDom.childElements(sigEl, Algorithms.DSIG_NS, "Object").isEmpty()) {
            throw new SecurityRefusal(RefusalCode.SIGNATURE_WRAPPING, "ds:Signature carries ds:Object content");
        }
    }

    private void checkSignedInfo(SignedInfo si, Parts parts, CryptoProfile profile) {
        expect("CanonicalizationMethod", si.getCanonicalizationMethodURI(), profile.canonicalization());
        expect("SignatureMethod", si.getSignatureMethodURI(), profile.signatureAlgorithm());
        if (si.getLength() != 2) {
            throw new SecurityRefusal(RefusalCode.SIGNATURE_WRAPPING, "signature has " + si.getLength()
                    + " references, expected exactly Header and Payload");
        }
        Map<String, Element> expected = new LinkedHashMap<>();
        expected.put("#" + parts.header().getAttributeNS(null, EnvelopeDom.ID), parts.header());
        expected.put("#" + parts.payload().getAttributeNS(null, EnvelopeDom.ID), parts.payload());
        List<String> seen = new ArrayList<>();
        try {
            for (int i = 0; i < si.getLength(); i++) {
                Reference ref = si.item(i);
                String uri = ref.getURI();
                if (uri == null || !expected.containsKey(uri) || seen.contains(uri)) {
                    throw new SecurityRefusal(RefusalCode.SIGNATURE_WRAPPING,
                            "a signature reference does not point at the message's Header or Payload");
                }
                seen.add(uri);
                if (ref.getType() != null && !ref.getType().isEmpty()) {
                    throw new SecurityRefusal(RefusalCode.SIGNATURE_WRAPPING, "a signature reference has a Type");
                }
                expect("DigestMethod", ref.getMessageDigestAlgorithm().getAlgorithmURI(), profile.digestAlgorithm());
                Transforms t = ref.getTransforms();
                if (t == null || t.getLength() != 1) {
                    throw new SecurityRefusal(RefusalCode.ALGORITHM_REFUSED, "each reference must have exactly one transform, "
                            + profile.canonicalization());
                }
                expect("Transform", t.item(0).getURI(), profile.canonicalization());
            }
        } catch (SecurityRefusal r) {
            throw r;
        } catch (Exception e) {
            throw new SecurityRefusal(RefusalCode.SIGNATURE_INVALID, "signature references cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** KeyInfo is informational, but a certificate that is not the pinned one means another signer. */
    private static void checkDeclaredSigner(XMLSignature sig, X509Certificate pinned, String partnerId) {
        KeyInfo ki = sig.getKeyInfo();
        if (ki == null) {
            return;
        }
        try {
            for (int i = 0; i < ki.lengthX509Data(); i++) {
                var data = ki.itemX509Data(i);
                for (int j = 0; j < data.lengthCertificate(); j++) {
                    X509Certificate c = data.itemCertificate(j).getX509Certificate();
                    if (!c.equals(pinned)) {
                        throw new SecurityRefusal(RefusalCode.UNTRUSTED_SIGNER, "message was signed with certificate "
                                + Pem.sha256Fingerprint(c).substring(0, 23) + ", not the pinned certificate of " + partnerId);
                    }
                }
            }
        } catch (SecurityRefusal r) {
            throw r;
        } catch (Exception e) {
            throw new SecurityRefusal(RefusalCode.MALFORMED, "signature KeyInfo cannot be read");
        }
    }

    // ------------------------------------------------------------------------------------------ decryption

    private void decryptPayload(Document doc, Element payload, CryptoProfile profile) {
        List<Element> kids = EnvelopeDom.childElements(payload);
        if (kids.size() != 1 || !Algorithms.XENC_NS.equals(kids.get(0).getNamespaceURI())
                || !"EncryptedData".equals(kids.get(0).getLocalName())) {
            throw new SecurityRefusal(RefusalCode.ENCRYPTION_MISSING, "env:Payload does not hold exactly one xenc:EncryptedData");
        }
        Element edEl = kids.get(0);
        for (Node n = payload.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank() || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                throw new SecurityRefusal(RefusalCode.ENCRYPTION_MISSING, "env:Payload holds unencrypted text");
            }
        }
        if (!Algorithms.XENC_CONTENT.equals(edEl.getAttributeNS(null, "Type"))) {
            throw new SecurityRefusal(RefusalCode.MALFORMED, "xenc:EncryptedData must have Type " + Algorithms.XENC_CONTENT);
        }
        Element ekEl = checkEncryptionAlgorithms(edEl, profile);

        List<java.security.PrivateKey> keys = new ArrayList<>();
        for (Keyring.KeyEntry k : keyring.decryptionKeys()) {
            if (suits(k.privateKey(), profile)) {
                keys.add(k.privateKey());
            }
        }
        byte[] plain = decryptBytes(doc, edEl, ekEl, keys);
        if (plain == null) {
            throw new SecurityRefusal(RefusalCode.DECRYPTION_FAILED,
                    "payload cannot be decrypted with any key of " + keyring.name() + " (wrong recipient or tampered ciphertext/tag)");
        }
        if (plain.length > policy.maxMessageBytes()) {
            throw new SecurityRefusal(RefusalCode.OVERSIZE, "decrypted payload exceeds the size limit");
        }
        Document frag = MessageXml.parseFragment(wrapperFor(payload), plain);
        DocumentFragment df = doc.createDocumentFragment();
        for (Node n = frag.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            df.appendChild(doc.importNode(n, true));
        }
        payload.replaceChild(df, edEl);
    }

    /**
     * The XML-Enc decryption primitive: unwraps the content key of {@code ekEl} with each key in turn (key
     * transport or key agreement) and decrypts {@code edEl}; null when no key works (wrong recipient, tampered
     * ciphertext or tag). Santuario secure validation is on.
     */
    static byte[] decryptBytes(Document doc, Element edEl, Element ekEl, List<java.security.PrivateKey> keys) {
        EncryptedData ed;
        EncryptedKey ek;
        String dataAlgorithm;
        try {
            XMLCipher loader = cipher(algorithmOf(edEl));
            loader.setSecureValidation(true);
            loader.init(XMLCipher.DECRYPT_MODE, null);
            ed = loader.loadEncryptedData(doc, edEl);
            ek = loader.loadEncryptedKey(doc, ekEl);
            dataAlgorithm = ed.getEncryptionMethod().getAlgorithm();
        } catch (Exception e) {
            throw new SecurityRefusal(RefusalCode.MALFORMED, "encrypted data cannot be read: " + e.getClass().getSimpleName());
        }
        for (java.security.PrivateKey k : keys) {
            try {
                Key cek = contentKey(ek, ekEl, k, dataAlgorithm);
                XMLCipher dec = cipher(dataAlgorithm);
                dec.setSecureValidation(true);
                dec.init(XMLCipher.DECRYPT_MODE, cek);
                return dec.decryptToByteArray(edEl);
            } catch (Exception wrongKeyOrTampered) {
                // try the next key generation; the caller refuses when none works
            }
        }
        return null;
    }

    /**
     * The content key of {@code ek} for the private key {@code k}. Key transport is Santuario's {@code decryptKey}.
     * For key agreement this is what {@code decryptKey} does with an AgreementMethod (the same parameters read by
     * Santuario from the same element, the same unwrap of the same CipherValue), except that the key-encryption key
     * is agreed by {@link Primitives}: Santuario would take the JDK's key agreement.
     */
    private static Key contentKey(EncryptedKey ek, Element ekEl, java.security.PrivateKey k, String dataAlgorithm)
            throws Exception {
        String wrapAlgorithm = ek.getEncryptionMethod().getAlgorithm();
        if (ek.getKeyInfo() instanceof KeyInfoEnc keyInfo && keyInfo.containsAgreementMethod()
                && !XMLCipher.RSA_OAEP.equals(wrapAlgorithm) && !XMLCipher.RSA_OAEP_11.equals(wrapAlgorithm)) {
            KeyAgreementParameters agreement = XMLCipherUtil.constructRecipientKeyAgreementParameters(wrapAlgorithm,
                    keyInfo.itemAgreementMethod(0), k);
            XMLCipherInput wrapped = new XMLCipherInput(ek);
            wrapped.setSecureValidation(true);
            Cipher unwrap = Cipher.getInstance(JCEMapper.translateURItoJCEID(wrapAlgorithm));
            unwrap.init(Cipher.UNWRAP_MODE, Primitives.keyEncryptionKey(agreement));
            return unwrap.unwrap(wrapped.getBytes(), JCEMapper.getJCEKeyAlgorithmFromURI(dataAlgorithm), Cipher.SECRET_KEY);
        }
        XMLCipher unwrap = cipher(algorithmOf(ekEl));
        unwrap.setSecureValidation(true);
        unwrap.init(XMLCipher.UNWRAP_MODE, k);
        return unwrap.decryptKey(ek, dataAlgorithm);
    }

    /** The Algorithm of an element's xenc:EncryptionMethod, or null. */
    private static String algorithmOf(Element encrypted) {
        Element em = EnvelopeDom.firstChild(encrypted, Algorithms.XENC_NS, "EncryptionMethod");
        return em == null || em.getAttributeNS(null, "Algorithm").isEmpty() ? null : em.getAttributeNS(null, "Algorithm");
    }

    /** A cipher on the thread's shared serializer when the algorithm is known (and one Santuario accepts). */
    private static XMLCipher cipher(String algorithm) throws Exception {
        if (algorithm != null) {
            try {
                return XMLCipher.getInstance(MessageXml.cipherSerializer(), algorithm);
            } catch (org.apache.xml.security.encryption.XMLEncryptionException unknownAlgorithm) {
                // fall through: Santuario refuses it again, with its own message, when it is used
            }
        }
        return XMLCipher.getInstance();
    }

    private static boolean suits(java.security.PrivateKey k, CryptoProfile profile) {
        String alg = k.getAlgorithm();
        if (!profile.usesKeyAgreement()) {
            return alg.equals("RSA");
        }
        return Algorithms.X25519.equals(profile.keyAgreement()) ? alg.equals("XDH") || alg.equals("X25519") : alg.equals("EC");
    }

    /** Checks every algorithm of the EncryptedData and its single inline EncryptedKey; returns the EncryptedKey. */
    private Element checkEncryptionAlgorithms(Element edEl, CryptoProfile profile) {
        Element em = EnvelopeDom.firstChild(edEl, Algorithms.XENC_NS, "EncryptionMethod");
        expect("EncryptedData EncryptionMethod", em == null ? null : em.getAttributeNS(null, "Algorithm"), profile.contentEncryption());
        Element ki = EnvelopeDom.firstChild(edEl, Algorithms.DSIG_NS, "KeyInfo");
        List<Element> eks = ki == null ? List.of() : EnvelopeDom.childElements(ki, Algorithms.XENC_NS, "EncryptedKey");
        if (eks.size() != 1 || EnvelopeDom.childElements(ki).size() != 1) {
            throw new SecurityRefusal(RefusalCode.MALFORMED, "EncryptedData KeyInfo must hold exactly one inline EncryptedKey");
        }
        Element ek = eks.get(0);
        Element kem = EnvelopeDom.firstChild(ek, Algorithms.XENC_NS, "EncryptionMethod");
        String kemAlg = kem == null ? null : kem.getAttributeNS(null, "Algorithm");
        expect("EncryptedKey EncryptionMethod", kemAlg, profile.keyEncryptionMethod());
        if (!profile.usesKeyAgreement()) {
            Element dm = EnvelopeDom.firstChild(kem, Algorithms.DSIG_NS, "DigestMethod");
            String digest = dm == null ? Algorithms.SHA1 : dm.getAttributeNS(null, "Algorithm");
            String want = profile.keyTransportDigest() == null ? Algorithms.SHA1 : profile.keyTransportDigest();
            if (!digest.equals(want)) {
                throw new SecurityRefusal(RefusalCode.ALGORITHM_REFUSED, "OAEP digest " + digest + " is not the profile's " + want);
            }
            Element mgf = EnvelopeDom.firstChild(kem, Algorithms.XENC11_NS, "MGF");
            String mgfAlg = mgf == null ? null : mgf.getAttributeNS(null, "Algorithm");
            if (!Objects.equals(mgfAlg, profile.keyTransportMgf())
                    && !(mgfAlg == null && profile.keyTransportMgf() == null)) {
                throw new SecurityRefusal(RefusalCode.ALGORITHM_REFUSED, "OAEP MGF " + mgfAlg + " is not the profile's "
                        + profile.keyTransportMgf());
            }
            return ek;
        }
        Element eki = EnvelopeDom.firstChild(ek, Algorithms.DSIG_NS, "KeyInfo");
        Element am = eki == null ? null : EnvelopeDom.firstChild(eki, Algorithms.XENC_NS, "AgreementMethod");
        if (am == null) {
            throw new SecurityRefusal(RefusalCode.ALGORITHM_REFUSED, "EncryptedKey has no AgreementMethod but the profile requires "
                    + profile.keyAgreement());
        }
        expect("AgreementMethod", am.getAttributeNS(null, "Algorithm"), profile.keyAgreement());
        Element kdm = EnvelopeDom.firstChild(am, Algorithms.XENC11_NS, "KeyDerivationMethod");
        expect("KeyDerivationMethod", kdm == null ? null : kdm.getAttributeNS(null, "Algorithm"), profile.keyDerivation());
        NodeList prfs = kdm.getElementsByTagNameNS("*", "PRF");
        if (prfs.getLength() != 1) {
            throw new SecurityRefusal(RefusalCode.ALGORITHM_REFUSED, "HKDF parameters must name exactly one PRF");
        }
        expect("HKDF PRF", ((Element) prfs.item(0)).getAttributeNS(null, "Algorithm"), profile.keyDerivationPrf());
        return ek;
    }

    /** Opening tag of a wrapper that declares every namespace in scope at {@code target}. */
    private static String wrapperFor(Element target) {
        Map<String, String> decls = new LinkedHashMap<>();
        for (Node n = target; n instanceof Element e; n = n.getParentNode()) {
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                    decls.putIfAbsent(a.getName(), a.getValue());
                }
            }
        }
        StringBuilder sb = new StringBuilder("<w");
        decls.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        return sb.append('>').toString();
    }

    private static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
