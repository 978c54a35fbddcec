/** Knowledge internals: rendering, diffs, publishing rules, persistence and the hybrid search index. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.knowledge.internal;
