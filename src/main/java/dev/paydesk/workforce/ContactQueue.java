package dev.paydesk.workforce;

import dev.paydesk.shared.InvalidInputException;

/**
 * A queue contacts arrive in, with its service target and the planning defaults used for staffing.
 *
 * @param code            unique key, e.g. {@code de-payments-phone}
 * @param intervalMinutes 15 or 30
 * @param slTarget        share of offered contacts to answer within {@code slSeconds}
 */
public record ContactQueue(String code, String name, Channel channel, String skill, String market, String language,
        int intervalMinutes, int ahtSeconds, int patienceSeconds, double slTarget, int slSeconds) {

    public ContactQueue {
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw new InvalidInputException("code", "lower-case letters, digits and dashes, 2 to 64 characters");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "required");
        }
        if (skill == null || skill.isBlank()) {
            throw new InvalidInputException("skill", "required");
        }
        if (market == null || !market.matches("[A-Z]{2}")) {
            throw new InvalidInputException("market", "two-letter market code");
        }
        if (language == null || language.isBlank()) {
            throw new InvalidInputException("language", "required");
        }
        if (intervalMinutes != 15 && intervalMinutes != 30) {
            throw new InvalidInputException("intervalMinutes", "15 or 30");
        }
        if (ahtSeconds <= 0 || patienceSeconds <= 0 || slSeconds < 0) {
            throw new InvalidInputException("ahtSeconds", "handle time and patience must be positive");
        }
        if (!(slTarget >= 0 && slTarget < 1)) {
            throw new InvalidInputException("slTarget", "between 0 and 1");
        }
    }
}
