package dev.paydesk.payments;

import java.io.InputStream;
import java.util.List;

/** Imports of provider reports and the merchant's feeds; each import is idempotent. */
public interface FileImports {

    /** The kinds understood, e.g. {@code adyen-settlement}, {@code orders}, {@code refund-requests}. */
    List<String> kinds();

    ImportResult importFile(String kind, String fileName, InputStream content);
}
