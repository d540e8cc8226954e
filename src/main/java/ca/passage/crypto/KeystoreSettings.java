package ca.passage.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the gateway's keys live.
 *
 * @param keyDir       directory in the PEM layout of {@link KeyDirectory} (used when no PKCS#12 is configured)
 * @param pkcs12       PKCS#12 settings, or null
 * @param pkcs11       PKCS#11 (HSM) settings, validated but not used by this version, or null
 */
public record KeystoreSettings(Path keyDir, Pkcs12 pkcs12, Pkcs11 pkcs11) {

    /** PKCS#12 file with a password read from an environment variable or a file (never inline). */
    public record Pkcs12(Path path, String passwordEnv, Path passwordFile) {
        /** Resolves the password; the message names the variable or file, never the secret. */
        public char[] password(Map<String, String> env) {
            if (passwordEnv != null) {
                String v = env.get(passwordEnv);
                if (v == null || v.isEmpty()) {
                    throw new CryptoConfigException("keystore.yaml: pkcs12.passwordEnv names environment variable "
                            + passwordEnv + " which is not set");
                }
                return v.toCharArray();
            }
            try {
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
            } catch (java.io.IOException e) {
                throw new CryptoConfigException("keystore.yaml: pkcs12.passwordFile " + passwordFile + " cannot be read", e);
            }
        }
    }

    /** PKCS#11 provider entry (SunPKCS11 configuration file, slot, PIN source). */
    public record Pkcs11(String name, Path library, Integer slot, String pinEnv) {
    }
}
