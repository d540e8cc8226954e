package ca.passage.access;

import ca.passage.crypto.Pem;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * People's X.509 client certificates (the smart-card model). The TLS handshake already proved the chain to the
 * trusted CA and possession of the key; here: validity now, not revoked (the CA's CRL, re-read when the file
 * changes), the user id from the subject CN, the roles from the subject's OU attributes that name a {@link Role}.
 */
public final class PersonCertificates {

    private static final Pattern USABLE_CN = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final Path crlFile;
    private final Clock clock;
    private volatile X509CRL crl;
    private volatile FileTime crlTime;

    public PersonCertificates(Path crlFile, Clock clock) {
        this.crlFile = crlFile;
        this.clock = clock;
    }

    public Principal principal(X509Certificate cert) {
        try {
            cert.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new OidcTokens.Denied("client certificate expired or not yet valid");
        }
        X509CRL current = crl();
        if (current != null && current.isRevoked(cert)) {
            throw new OidcTokens.Denied("client certificate revoked");
        }
        String cn = null;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                String type = rdn.getType().toUpperCase(Locale.ROOT);
                String value = String.valueOf(rdn.getValue());
                if (type.equals("CN")) {
                    cn = value;
                } else if (type.equals("OU")) {
                    try {
                        roles.add(Role.valueOf(value.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException ignored) {
                        // an organisational unit, not a Passage role
                    }
                }
            }
        } catch (InvalidNameException e) {
            throw new OidcTokens.Denied("client certificate subject unreadable");
        }
        if (cn == null || !USABLE_CN.matcher(cn).matches()) {
            throw new OidcTokens.Denied("client certificate has no usable CN");
        }
        return new Principal(cn, roles, "x509");
    }

    private X509CRL crl() {
        if (!Files.isRegularFile(crlFile)) {
            return null;
        }
        try {
            FileTime t = Files.getLastModifiedTime(crlFile);
            if (crl == null || !t.equals(crlTime)) {
                crl = Pem.readCrl(crlFile);
                crlTime = t;
            }
            return crl;
        } catch (java.io.IOException e) {
            throw new OidcTokens.Denied("revocation list unreadable");
        }
    }
}
