package dev.paydesk.cases.web;

import dev.paydesk.cases.MoneyAction;

/**
 * A money action with its type and amount in the viewer's language and whether the viewer may approve or reject it.
 * The case page and the approvals inbox both list these; their templates build the confirmation texts from the
 * message bundle with {@code type} and {@code amount} as arguments.
 */
record MoneyRow(MoneyAction action, String type, String amount, boolean mayDecide) {
}
