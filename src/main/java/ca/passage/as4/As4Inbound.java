package ca.passage.as4;

/** What a receiver knows of the sender of an incoming UserMessage: the agreement it must follow and the keys. */
public record As4Inbound(As4Agreement agreement, As4Keys keys) {
}
