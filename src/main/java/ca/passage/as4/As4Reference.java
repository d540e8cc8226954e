package ca.passage.as4;

import java.util.List;

/**
 * One {@code ds:Reference} of a UserMessage's signature: what was signed (the ebMS header, the body, an
 * attachment), the transform algorithms and the digest. A receipt's NonRepudiationInformation must repeat these.
 */
public record As4Reference(String uri, List<String> transforms, String digestAlgorithm, String digestValue) {
    public As4Reference {
        transforms = List.copyOf(transforms);
    }
}
