package ca.passage.cli;

/** What the lifecycle commands (withdraw, update, delete-request) print and how they exit. */
final class LifecycleExit {

    private LifecycleExit() {
    }

    /** Prints the gateway's answer; 0 accepted, 1 refused for this notice (409) or failed, 2 bad input or unknown (4xx). */
    static int of(GatewayClient.Answer a) {
        System.out.println(a.body());
        if (a.status() / 100 == 2) {
            return 0;
        }
        return a.status() == 409 || a.status() / 100 != 4 ? 1 : 2;
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
