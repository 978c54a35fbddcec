package dev.paydesk.workforce;

import java.util.List;

import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;

/**
 * An outsourcing supplier (BPO) with the skills it staffs, its contracted agent range per interval,
 * its price per agent hour and its quality (QA score 0..100, first-contact resolution 0..1).
 */
public record Supplier(String code, String name, List<String> skills, Money costPerHour, double qaScore, double fcr,
        int minAgents, int maxAgents) {

    public Supplier {
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw new InvalidInputException("code", "lower-case letters, digits and dashes, 2 to 64 characters");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "required");
        }
        skills = List.copyOf(skills == null ? List.of() : skills);
        if (costPerHour == null || costPerHour.minor() < 0) {
            throw new InvalidInputException("costPerHour", "a non-negative amount");
        }
        if (!(qaScore >= 0 && qaScore <= 100)) {
            throw new InvalidInputException("qaScore", "between 0 and 100");
        }
        if (!(fcr >= 0 && fcr <= 1)) {
            throw new InvalidInputException("fcr", "between 0 and 1");
        }
        if (minAgents < 0 || maxAgents < minAgents) {
            throw new InvalidInputException("maxAgents", "0 <= minAgents <= maxAgents");
        }
    }

    public boolean hasSkill(String skill) {
        return skills.contains(skill);
    }
}
