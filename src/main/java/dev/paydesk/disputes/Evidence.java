package dev.paydesk.disputes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Evidence on a dispute: what the merchant supplied, what Paydesk knows, and the checklist. */
public interface Evidence {

    /** Merchant-supplied shipping and delivery data. */
    UUID addShipment(UUID disputeId, Shipment shipment);

    /** A note, customer message, policy text or a file (content may be null for text only). */
    UUID addNote(UUID disputeId, EvidenceItem item, @Nullable String text, @Nullable String fileName,
                 @Nullable String contentType, byte @Nullable [] content);

    EvidencePack pack(UUID disputeId);

    /** The pack as a PDF document. */
    byte[] pdf(UUID disputeId);

    /** Sends the pack through the merchant account's submission adapter; the dispute then waits for review. */
    Submission submit(UUID disputeId);

    List<Submission> submissions(UUID disputeId);

    record Shipment(String carrier, String trackingNumber, @Nullable LocalDate shippedOn,
                    @Nullable LocalDate deliveredOn, @Nullable String note) {

        /** Carrier and tracking number are required and as long as their columns (100). */
        public Shipment {
            for (String[] field : new String[][] {{"carrier", carrier}, {"trackingNumber", trackingNumber}}) {
                if (field[1] == null || field[1].isBlank()) {
                    throw new dev.paydesk.shared.InvalidInputException(field[0], field[0] + " is required");
                }
                if (field[1].length() > 100) {
                    throw new dev.paydesk.shared.InvalidInputException(field[0], field[0] + " is longer than 100 characters");
                }
            }
            if (note != null && note.length() > 100_000) {
                throw new dev.paydesk.shared.InvalidInputException("note", "note is longer than 100,000 characters");
            }
        }
    }

    /** One piece of evidence the merchant supplied. */
    record Supplied(UUID id, EvidenceItem item, @Nullable String text, @Nullable String carrier,
                    @Nullable String trackingNumber, @Nullable LocalDate shippedOn, @Nullable LocalDate deliveredOn,
                    @Nullable String fileName, boolean hasFile, String createdBy, Instant createdAt) {
    }

    /** A checklist line: what the reason code asks for and whether the pack has it (and from where). */
    record ChecklistItem(EvidenceItem item, boolean present, String source) {
    }

    record Submission(UUID id, String adapter, boolean accepted, @Nullable String providerResponse,
                      double completeness, String submittedBy, Instant submittedAt) {
    }
}
