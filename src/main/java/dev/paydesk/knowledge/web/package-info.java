/** Knowledge over HTTP: the API under /api/v1/knowledge. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.knowledge.web;
