/** {@code bin/paydesk triage …}: train, evaluate, cross-validate and try classifiers from files. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.triage.cli;
