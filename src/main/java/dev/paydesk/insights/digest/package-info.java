/**
 * Scheduled KPI digests and target-crossing e-mails: users subscribe to a daily or weekly digest of
 * markets they may see; one node (job lease) mails each due digest once, with sent-markers in the database.
 */
@org.jspecify.annotations.NullMarked
package dev.paydesk.insights.digest;
