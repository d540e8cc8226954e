/**
 * eDelivery AS4 (ebMS 3 over SOAP 1.2 with WS-Security), as a library: message model, P-Mode-like
 * {@link ca.passage.as4.As4Agreement}, the codec that seals and opens UserMessages and Receipts with WSS4J (the
 * WS-Security engine of Apache CXF), and an HTTP client. It knows nothing of the gateway: partner profiles,
 * exchanges and routes live in {@code ca.passage.channel.as4}, which wires this library into delivery and inbound.
 */
package ca.passage.as4;
