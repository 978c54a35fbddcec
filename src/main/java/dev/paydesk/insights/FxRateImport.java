package dev.paydesk.insights;

import java.io.IOException;
import java.io.Reader;

/**
 * Imports daily FX reference rates for money KPIs in a reporting currency: the ECB reference-rate CSV
 * (history or daily file; units of a currency per 1 EUR) or a manual table in the same shape. The whole
 * file or nothing; a rate already stored for a currency and day is replaced; audited.
 */
public interface FxRateImport {

    /** @return how many rates were stored */
    int importCsv(Reader csv, String source) throws IOException;
}
