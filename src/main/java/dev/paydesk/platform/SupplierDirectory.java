package dev.paydesk.platform;

import java.util.Map;

/**
 * The outsourcing suppliers a user may belong to. Platform owns this interface so that it does not depend on
 * the module that keeps suppliers (workforce implements it); without an implementation no supplier is valid.
 */
public interface SupplierDirectory {

    /** Supplier code to display name, sorted by code. */
    Map<String, String> suppliers();
}
