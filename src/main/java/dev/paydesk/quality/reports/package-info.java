/** Quality reports: internal quality score (IQS) over time by a dimension, and a Pareto of failed criteria. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.quality.reports;
