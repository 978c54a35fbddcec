package dev.paydesk.triage.classifier;

/** One training or evaluation example: a customer's text and the category a person gave it. */
public record LabelledText(String text, String category) {

    public LabelledText {
        if (category.isBlank()) {
            throw new IllegalArgumentException("category must not be blank");
        }
    }
}
