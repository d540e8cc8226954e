package ca.passage.crypto;

import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.keys.KeyInfoEnc;
import org.apache.xml.security.encryption.keys.content.AgreementMethodImpl;
import org.apache.xml.security.encryption.params.HKDFParams;
import org.apache.xml.security.encryption.params.KeyAgreementParameters;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Signs an envelope's Header and Payload (exclusive C14N, by Id) with the sender's key of the profile's
 * family, then encrypts the Payload content for the recipient (AES-GCM; RSA-OAEP key transport or
 * ECDH-ES/X25519 + HKDF + AES key wrap). There is no way to skip either step: every successful
 * {@link #seal} returns a signed and encrypted message, or throws.
 */
public final class MessageSealer {
    private final Keyring keyring;
    private final CryptoPolicy policy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Primitives.BouncyCastleKeys bouncyCastleKeys = new Primitives.BouncyCastleKeys();

    public MessageSealer(Keyring keyring, CryptoPolicy policy, Clock clock) {
        this.keyring = Objects.requireNonNull(keyring);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        org.apache.xml.security.Init.init();
    }

    /** The envelope is not modified; the sealed message is returned as UTF-8 bytes. */
    public byte[] seal(Document envelope, PartnerTrust recipient, CryptoProfile profile) {
        policy.checkProfile(profile);
        CertificateChecks.check("recipient " + recipient.partnerId() + " encryption", recipient.encryptionCert(),
                recipient.crls(), policy.requireCrl(), clock.instant());
        Keyring.KeyEntry signer = keyring.signingKey(profile.keyFamily());
        CertificateChecks.check("own signing", signer.certificate(), List.of(), false, clock.instant());

        Document doc = copy(envelope);
        Element root = doc.getDocumentElement();
        if (!EnvelopeDom.NS.equals(root.getNamespaceURI()) || !EnvelopeDom.MESSAGE.equals(root.getLocalName())) {
            throw new IllegalArgumentException("envelope root must be {" + EnvelopeDom.NS + "}Message");
        }
        List<Element> headers = EnvelopeDom.childElements(root, EnvelopeDom.NS, EnvelopeDom.HEADER);
        List<Element> payloads = EnvelopeDom.childElements(root, EnvelopeDom.NS, EnvelopeDom.PAYLOAD);
        if (headers.size() != 1 || payloads.size() != 1) {
            throw new IllegalArgumentException("envelope must have exactly one Header and one Payload");
        }
        if (doc.getElementsByTagNameNS(Algorithms.DSIG_NS, "Signature").getLength() > 0
                || doc.getElementsByTagNameNS(Algorithms.XENC_NS, "EncryptedData").getLength() > 0) {
            throw new IllegalArgumentException("envelope is already signed or encrypted");
        }
        Element header = headers.get(0);
        Element payload = payloads.get(0);
        String hid = requireId(header);
        String pid = requireId(payload);
        Set<String> ids = new HashSet<>();
        MessageOpener.collectIds(root, ids, true);

        try {
            header.setIdAttributeNS(null, EnvelopeDom.ID, true);
            payload.setIdAttributeNS(null, EnvelopeDom.ID, true);
            PrivateKey signingKey = bouncyCastleKeys.of(signer.privateKey());
            XMLSignature sig = new XMLSignature(doc, "", profile.signatureAlgorithm(), 0, profile.canonicalization(),
                    Primitives.forSignature(signingKey), null);
            root.appendChild(sig.getElement());
            for (String id : List.of(hid, pid)) {
                Transforms t = new Transforms(doc);
                t.addTransform(profile.canonicalization());
                sig.addDocument("#" + id, t, profile.digestAlgorithm());
            }
            sig.addKeyInfo(signer.certificate());
            sig.sign(signingKey);

            SecretKey cek = contentKey(profile.contentEncryption());
            EncryptedKey ek = encryptKey(doc, cek, recipient, profile);
            XMLCipher dataCipher = XMLCipher.getInstance(MessageXml.cipherSerializer(), profile.contentEncryption());
            dataCipher.init(XMLCipher.ENCRYPT_MODE, cek);
            EncryptedData ed = dataCipher.getEncryptedData();
            KeyInfo ki = new KeyInfo(doc);
            ki.add(ek);
            ed.setKeyInfo(ki);
            dataCipher.doFinal(doc, payload, true);
        } catch (SecurityRefusal e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("sealing failed with profile " + profile.name() + ": " + e.getClass().getSimpleName(), e);
        }
        return MessageXml.serialize(doc);
    }

    private EncryptedKey encryptKey(Document doc, SecretKey cek, PartnerTrust recipient, CryptoProfile profile)
            throws Exception {
        X509Data x509 = new X509Data(doc);
        x509.addCertificate(recipient.encryptionCert());
        if (!profile.usesKeyAgreement()) {
            XMLCipher c = XMLCipher.getInstance(profile.keyTransport(), null, profile.keyTransportDigest());
            c.init(XMLCipher.WRAP_MODE, recipient.encryptionCert().getPublicKey());
            EncryptedKey ek = c.encryptKey(doc, cek, profile.keyTransportMgf(), null, random);
            KeyInfo ki = new KeyInfo(doc);
            ki.add(x509);
            ek.setKeyInfo(ki);
            return ek;
        }
        int bits = Algorithms.aesBits(profile.keyWrap());
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        HKDFParams kdf = HKDFParams.createBuilder(bits, profile.keyDerivationPrf()).salt(salt)
                .info(("passage:" + profile.name()).getBytes(java.nio.charset.StandardCharsets.US_ASCII)).build();
        KeyAgreementParameters params = new KeyAgreementParameters(KeyAgreementParameters.ActorType.ORIGINATOR,
                profile.keyAgreement(), kdf);
        PublicKey recipientKey = recipient.encryptionCert().getPublicKey();
        params.setRecipientPublicKey(recipientKey);
        params.setOriginatorKeyPair(Primitives.ephemeralFor(recipientKey, random));
        // What XMLCipher.encryptKey does with these parameters, except that the key-encryption key is agreed by
        // Primitives: Santuario would take the JDK's key agreement. Same EncryptedKey, same AgreementMethod.
        XMLCipher c = XMLCipher.getInstance(MessageXml.cipherSerializer(), profile.keyWrap());
        c.init(XMLCipher.WRAP_MODE, Primitives.keyEncryptionKey(params));
        EncryptedKey ek = c.encryptKey(doc, cek, (AlgorithmParameterSpec) null, random);
        KeyInfoEnc keyInfo = new KeyInfoEnc(doc);
        keyInfo.add(new AgreementMethodImpl(doc, params));
        ek.setKeyInfo(keyInfo);
        keyInfo.itemAgreementMethod(0).getRecipientKeyInfo().add(x509);
        return ek;
    }

    private SecretKey contentKey(String uri) throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(Algorithms.aesBits(uri), random);
        return g.generateKey();
    }

    private static String requireId(Element e) {
        String id = e.getAttributeNS(null, EnvelopeDom.ID);
        if (id.isEmpty() || !id.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("envelope " + e.getLocalName() + " needs an NCName Id attribute");
        }
        return id;
    }

    private static Document copy(Document src) {
        Document d = MessageXml.builder().newDocument();
        d.appendChild(d.importNode(src.getDocumentElement(), true));
        return d;
    }
}
