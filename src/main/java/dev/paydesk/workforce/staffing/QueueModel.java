package dev.paydesk.workforce.staffing;

/** The queueing model used to turn volume into agents. */
public enum QueueModel {
    /** M/M/n, infinitely patient callers. */
    ERLANG_C,
    /** M/M/n+M, exponentially distributed patience. */
    ERLANG_A;

    public static QueueModel parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "erlang-c", "c" -> ERLANG_C;
            case "erlang-a", "a" -> ERLANG_A;
            default -> throw new IllegalArgumentException("unknown model " + text + " (erlang-c or erlang-a)");
        };
    }
}
