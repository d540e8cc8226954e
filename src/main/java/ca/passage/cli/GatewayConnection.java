package ca.passage.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * How a command reaches a running gateway: its HTTPS URL, the CA that signed its certificate, and the caller's
 * credential, one of: a client certificate ({@code --cert} + {@code --key}, PEM), a bearer token from the
 * agency's identity provider in a file ({@code --token-file}), or the token in the environment variable
 * {@value #TOKEN_ENV}. Never identity headers: the gateway believes only what TLS or a signed token proves.
 */
public final class GatewayConnection {

    public static final String TOKEN_ENV = "PASSAGE_TOKEN";

    @Option(names = "--url", defaultValue = "https://localhost:8443",
            description = "the gateway's officers' listener; default: ${DEFAULT-VALUE}")
    String url;

    @Option(names = "--ca", defaultValue = "keys/ca.cert.pem",
            description = "CA certificate (PEM) the gateway's TLS certificate chains to; default: ${DEFAULT-VALUE}")
    Path ca;

    @Option(names = "--cert", description = "your client certificate (PEM), e.g. keys/users/officer1.cert.pem")
    Path cert;

    @Option(names = "--key", description = "its private key (PEM, PKCS#8), e.g. keys/users/officer1.key.pem")
    Path key;

    @Option(names = "--token-file", description = "a file holding your OpenID Connect access token (JWT); or set "
            + TOKEN_ENV)
    Path tokenFile;

    static GatewayConnection of(String url, Path ca, Path cert, Path key) {
        GatewayConnection c = new GatewayConnection();
        c.url = url;
        c.ca = ca;
        c.cert = cert;
        c.key = key;
        return c;
    }
}
