package dev.paydesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading an SOP article's checklist section and writing one. */
class SopChecklistTests {

    @Test
    void stepsAreTheListItemsUnderTheChecklistHeadingOnly() {
        String markdown = """
                Why this matters: refunds take up to 10 days.

                - not a step, above the checklist

                ## Checklist
                1. Look up the refund at the PSP
                2. [x] Check the bank
                   statement for the last 10 days
                - Reply to the customer

                ## Background
                - not a step either
                """;
        assertThat(SopChecklist.steps(markdown)).containsExactly("Look up the refund at the PSP",
                "Check the bank statement for the last 10 days", "Reply to the customer");
    }

    @Test
    void germanHeadingsAndNoChecklist() {
        assertThat(SopChecklist.steps("### Checkliste\n* Erstattung prüfen\n* Kunde informieren")).containsExactly(
                "Erstattung prüfen", "Kunde informieren");
        assertThat(SopChecklist.steps("# Title\n1. a numbered list outside a checklist")).isEmpty();
    }

    @Test
    void writtenChecklistsReadBack() {
        List<String> steps = List.of("One", "Two (within 2 days)", "Three");
        assertThat(SopChecklist.steps(SopChecklist.markdown("Explanation.", steps))).isEqualTo(steps);
    }
}
