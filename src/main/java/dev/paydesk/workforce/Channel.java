package dev.paydesk.workforce;

/** How contacts arrive at a queue. */
public enum Channel {
    PHONE, CHAT, EMAIL, MESSAGING
}
