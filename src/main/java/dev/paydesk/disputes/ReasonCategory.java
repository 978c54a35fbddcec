package dev.paydesk.disputes;

/** Reason codes of every network normalised to what the cardholder claims (and so what evidence answers it). */
public enum ReasonCategory {
    FRAUD("Fraud / not authorised by the cardholder"),
    NOT_RECEIVED("Goods or services not received"),
    NOT_AS_DESCRIBED("Not as described or defective"),
    DUPLICATE("Duplicate or paid by other means"),
    CREDIT_NOT_PROCESSED("Credit (refund) not processed"),
    CANCELLED_RECURRING("Cancelled recurring transaction"),
    AUTHORISATION("Authorisation"),
    PROCESSING_ERROR("Processing error"),
    INQUIRY("Inquiry / request for information"),
    OTHER("Other");

    private final String label;

    ReasonCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
