package dev.paydesk.triage;

/** One slice of contact traffic: category × provider × market × payment method. */
public record Cell(String category, String provider, String market, String method) {
}
