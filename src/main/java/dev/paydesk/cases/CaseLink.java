package dev.paydesk.cases;

/** A first-class link from a case to another module's record, by that record's reference. */
public record CaseLink(LinkKind kind, String ref) {

    public CaseLink {
        if (ref == null || ref.isBlank()) {
            throw new dev.paydesk.shared.InvalidInputException("links", "a link needs a reference");
        }
        ref = ref.strip();
        if (ref.length() > NewCase.MAX_REF) {
            throw new dev.paydesk.shared.InvalidInputException("links", "a link reference is longer than "
                    + NewCase.MAX_REF + " characters");
        }
    }
}
