package ca.passage.as4;

/**
 * One {@code ds:Reference} of a UserMessage's signature: what was signed (the ebMS header, the body, an
 * attachment) and its digest. A receipt's NonRepudiationInformation must repeat exactly these.
 */
public record As4Reference(String uri, String digestAlgorithm, String digestValue) {
}
