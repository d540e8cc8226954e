package ca.passage.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One party's own private keys: the current signing key per family, and every decryption key of the current
 * and previous generations. Loaded for any name in a key directory, so a simulated partner uses the same
 * class as the gateway.
 */
public final class Keyring {

    /** A private key with its certificate. Generation 0 is current; 1, 2, ... are previous generations. */
    public record KeyEntry(PrivateKey privateKey, X509Certificate certificate, int generation) {
    }

    private final String name;
    private final Map<KeyFamily, KeyEntry> signing;
    private final List<KeyEntry> decryption;

    public Keyring(String name, Map<KeyFamily, KeyEntry> signing, List<KeyEntry> decryption) {
        this.name = name;
        this.signing = Collections.unmodifiableMap(new EnumMap<>(signing));
        List<KeyEntry> d = new ArrayList<>(decryption);
        d.sort(Comparator.comparingInt(KeyEntry::generation));
        this.decryption = List.copyOf(d);
    }

    public String name() {
        return name;
    }

    /**
     * Loads {@code <name>.key.pem}, {@code <name>-ec.*}, {@code <name>-ed.*} and their {@code .enc} companions
     * from {@code dir}, plus the same from every {@code previous/<n>/} (for decryption only).
     */
    public static Keyring load(Path dir, String name) {
        Map<KeyFamily, KeyEntry> signing = new EnumMap<>(KeyFamily.class);
        List<KeyEntry> decryption = new ArrayList<>();
        loadGeneration(dir, name, 0, signing, decryption);
        Path prev = dir.resolve("previous");
        if (Files.isDirectory(prev)) {
            try (Stream<Path> s = Files.list(prev)) {
                for (Path g : s.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    loadGeneration(g, name, Integer.parseInt(g.getFileName().toString()), new EnumMap<>(KeyFamily.class),
                            decryption);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(prev + ": cannot be listed", e);
            }
        }
        if (signing.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no key set named " + name + " (expected " + name + ".key.pem)");
        }
        return new Keyring(name, signing, decryption);
    }

    /**
     * Loads from a PKCS#12 keystore whose aliases follow the file layout: {@code <name>}, {@code <name>-ec},
     * {@code <name>-ed}, {@code <name>-ed.enc}; previous generations as {@code previous/<n>/<alias>}.
     */
    public static Keyring loadPkcs12(Path p12, char[] password, String name) {
        Map<KeyFamily, KeyEntry> signing = new EnumMap<>(KeyFamily.class);
        List<KeyEntry> decryption = new ArrayList<>();
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) {
                    continue;
                }
                int gen = 0;
                String base = alias;
                if (alias.startsWith("previous/")) {
                    String[] parts = alias.split("/", 3);
                    gen = Integer.parseInt(parts[1]);
                    base = parts[2];
                }
                if (!belongsTo(base, name)) {
                    continue;
                }
                Key k = ks.getKey(alias, password);
                X509Certificate c = (X509Certificate) ks.getCertificate(alias);
                add(new KeyEntry((PrivateKey) k, c, gen), signing, decryption);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(p12 + ": PKCS#12 keystore cannot be read (" + e.getMessage() + ")", e);
        }
        if (signing.isEmpty()) {
            throw new IllegalArgumentException(p12 + ": no key entry for " + name);
        }
        return new Keyring(name, signing, decryption);
    }

    /** Loads as {@code keystore.yaml} says: PKCS#12 when configured, otherwise the PEM key directory. */
    public static Keyring load(KeystoreSettings settings, String name, Map<String, String> env) {
        if (settings.pkcs12() != null) {
            return loadPkcs12(settings.pkcs12().path(), settings.pkcs12().password(env), name);
        }
        return load(settings.keyDir(), name);
    }

    private static boolean belongsTo(String base, String name) {
        return base.equals(name) || base.equals(name + ".enc") || base.equals(name + "-ec") || base.equals(name + "-ed")
                || base.equals(name + "-ed.enc") || base.equals(name + "-rsa");
    }

    private static void loadGeneration(Path dir, String name, int gen, Map<KeyFamily, KeyEntry> signing,
                                       List<KeyEntry> decryption) {
        for (String base : List.of(name, name + "-rsa", name + "-ec", name + "-ed")) {
            for (String b : List.of(base, base + ".enc")) {
                Path key = dir.resolve(b + ".key.pem");
                if (Files.exists(key)) {
                    add(new KeyEntry(Pem.readPrivateKey(key), Pem.readCertificate(dir.resolve(b + ".cert.pem")), gen),
                            signing, decryption);
                }
            }
        }
    }

    private static void add(KeyEntry e, Map<KeyFamily, KeyEntry> signing, List<KeyEntry> decryption) {
        if (!e.certificate().getPublicKey().getAlgorithm().equals(publicAlgorithm(e.privateKey()))) {
            throw new IllegalArgumentException("certificate " + e.certificate().getSubjectX500Principal().getName()
                    + " does not match its private key type");
        }
        KeyFamily f = Pem.family(e.privateKey());
        if (f != null && e.generation() == 0) {
            signing.putIfAbsent(f, e);
        }
        if (!"EdDSA".equals(e.privateKey().getAlgorithm()) && !"Ed25519".equals(e.privateKey().getAlgorithm())) {
            decryption.add(e);
        }
    }

    private static String publicAlgorithm(PrivateKey k) {
        return k.getAlgorithm();
    }

    /** Current signing key and certificate of the family. */
    public KeyEntry signingKey(KeyFamily family) {
        KeyEntry e = signing.get(family);
        if (e == null) {
            throw new IllegalStateException("key set " + name + " has no " + family + " signing key");
        }
        return e;
    }

    public Optional<KeyEntry> findSigningKey(KeyFamily family) {
        return Optional.ofNullable(signing.get(family));
    }

    /** Every key that can decrypt (RSA, EC, X25519), current generation first. */
    public List<KeyEntry> decryptionKeys() {
        return decryption;
    }
}
