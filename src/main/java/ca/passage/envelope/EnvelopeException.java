package ca.passage.envelope;

/** A message whose envelope is not what the contract says (ebMS3 "invalid header"). */
public class EnvelopeException extends RuntimeException {
    public EnvelopeException(String message) {
        super(message);
    }
}
