/** The text classifier: TF-IDF and sentence-embedding features, softmax regression, temperature scaling. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.triage.classifier;
