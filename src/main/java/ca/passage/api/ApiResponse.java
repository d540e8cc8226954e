package ca.passage.api;

import ca.passage.intake.IntakeReceipt;

/**
 * An HTTP answer as data: status, content type and JSON body. {@code receipt} is set when a notice was accepted,
 * so the route can queue its exchanges before answering.
 */
public record ApiResponse(int status, String contentType, String json, IntakeReceipt receipt) {

    public static final String JSON = "application/json";
    public static final String PROBLEM = "application/problem+json";

    /**
     * True when exchanges were accepted or released and the route must queue them. One accessor only: the routes'
     * simple language found {@code isAccepted()} and {@code accepted()} ambiguous, now and then.
     */
    public boolean accepted() {
        return receipt != null;
    }
}
