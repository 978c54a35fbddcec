package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The byte path of the settlement encoder must give exactly the rows, keys and errors of the string
 * path (the parser's own reading), on rows in every shape the report can take.
 */
class AdyenLineEncoderTests {

    private static final String HEADER = "Company Account,Merchant Account,Psp Reference,Merchant Reference,"
            + "Payment Method,Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),"
            + "Gross Credit (GC),Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),"
            + "Scheme Fees (NC),Interchange (NC),Payment Method Variant,Modification Merchant Reference,Batch Number";

    /** Rows in usual and unusual shapes; the comment after each says what it tries. */
    private static final String[] ROWS = {
        "Co,Shop,8800000000000001,ORD-1,visa,2026-11-02 10:00:00,CET,Settled,9900000000000001,EUR,,10.00,1,EUR,,9.80,,0.20,,,visaclassic,,", // plain
        "Co,Shop,8800000000000002,ORD-2,mc,2026-07-02 23:59:59,CEST,Refunded,9900000000000002,EUR,5.5,,1,EUR,5.70,,0.1,0.05,0.03,0.02,mc,,", // plain, all fees
        "Co,Shop,,,,2026-11-02 10:00:00,CET,Fee,,EUR,0.50,,1,EUR,0.50,,,,,,,,",                                     // fee row
        "Co,Shop,,,,2026-11-02 10:00:00,CET,Fee,,EUR,0.50,,1,EUR,0.50,,,,,,,,",                                     // identical repeat
        "Co,Shop,,,,2026-11-02 10:00:00,CET,Fee,,EUR,0.50,,1,EUR,0.50,,,,,,,,",                                     // third time
        "Co,Shop,8800000000000003,ORD-3,jcb,2026-11-02 10:00:00,JST,Settled,99,JPY,,1500,1,JPY,,1450,50,,,,jcb,,",  // zone not in the table
        "Co,Shop,8800000000000004,ORD-4,visa,2026-11-02 10:00:00,Europe/Amsterdam,Settled,98,EUR,,1.00,1,EUR,,0.90,0.10,,,,visa,,",
        "Co,Shop,8800000000000005,ORD-5,visa,2026-11-02 10:00:00,cet,Settled,97,EUR,,1.00,1,EUR,,0.90,0.10,,,,visa,,", // lower case zone
        "Co,Shop,8800000000000006,ORD-6,visa,2026-11-02 10:00:00,,Settled,96,BHD,,7.5,1,BHD,,7.125,,,,,visa,,",   // no zone, 3 decimals
        "Co,Shop,8800000000000007,ORD-7,visa,2026-11-02 10:00:00,XYZ,Settled,95,EUR,,1.00,1,EUR,,0.90,,,,,visa,,", // unknown zone
        "Co,Shop,8800000000000008,ORD-8,visa,2026-13-02 10:00:00,CET,Settled,94,EUR,,1.00,1,EUR,,0.90,,,,,visa,,", // month 13
        "Co,Shop,8800000000000009,ORD-9,visa,2026-02-30 10:00:00,CET,Settled,93,EUR,,1.00,1,EUR,,0.90,,,,,visa,,", // 30 February
        "Co,Shop,8800000000000010,ORD-10,visa,2026/11/02 10:00:00,CET,Settled,92,EUR,,1.00,1,EUR,,0.90,,,,,visa,,",
        "Co,Shop,8800000000000011,ORD-11,visa,2026-11-02 10:00:00,CET,Settled,91,EUR,,12.345,1,EUR,,12.00,,,,,visa,,", // too many decimals
        "Co,Shop,8800000000000012,ORD-12,visa,2026-11-02 10:00:00,CET,Settled,90,EUR,,1e3,1,EUR,,12.00,,,,,visa,,",
        "Co,Shop,8800000000000013,ORD-13,visa,2026-11-02 10:00:00,CET,Settled,89,EUR,,.5,1,EUR,,0.40,,,,,visa,,", // no integer digits
        "Co,Shop,8800000000000014,ORD-14,visa,2026-11-02 10:00:00,CET,Settled,88,EUR,,+3,1,EUR,,2.00,,,,,visa,,",
        "Co,Shop,8800000000000015,ORD-15,visa,2026-11-02 10:00:00,CET,Chargeback,87,EUR,-2.50,,1,EUR,-2.60,,,,,,visa,,",
        "Co,Shop,8800000000000016,ORD-16,visa,2026-11-02 10:00:00,CET,Settled,86,EUX,,1.00,1,EUR,,0.90,,,,,visa,,", // unknown currency
        "Co,Shop,8800000000000017,ORD-17,visa,2026-11-02 10:00:00,CET,Settled,85,eur,,1.00,1,EUR,,0.90,,,,,visa,,", // lower case code
        "Co,Shop,8800000000000018,ORD-18,visa,2026-11-02 10:00:00,CET,Settled,84,,,1.00,1,EUR,,0.90,,,,,visa,,",  // amount, no currency
        "Co,Shop,8800000000000019,ORD-19,visa,2026-11-02 10:00:00,CET,Settled,83,EUR,,1.00,1,,,0.90,0.1,,,,visa,,", // fee, no currency
        "Co,,8800000000000020,ORD-20,visa,2026-11-02 10:00:00,CET,Settled,82,EUR,,1.00,1,EUR,,0.90,,,,,visa,,",    // no account
        "Co,Shop,8800000000000021,ORD-21,visa,2026-11-02 10:00:00,CET,,81,EUR,,1.00,1,EUR,,0.90,,,,,visa,,",      // no type
        "Co,Shop,8800000000000022,ORD-22,visa,2026-11-02 10:00:00,CET,Settled,80,EUR,,1.00,1,EUR,,0.90,,,,,visa,,77", // own batch
        "Co,Other,8800000000000023,ORD-23,visa,2026-11-02 10:00:00,CET,Settled,79,EUR,,1.00,1,EUR,,0.90,,,,,visa,,77",
        "Co, Shop ,8800000000000024, ORD-24 ,visa,2026-11-02 10:00:00,CET,Settled,78,EUR,,1.00,1,EUR,,0.90,,,,,visa,,", // spaces
        "Co,Shop,8800000000000025,\"ORD,25\",visa,2026-11-02 10:00:00,CET,Settled,77,EUR,,1.00,1,EUR,,0.90,,,,,visa,,", // quoted
        "Co,Shop,8800000000000026,Bestellung-\u00fc,visa,2026-11-02 10:00:00,CET,Settled,76,EUR,,1.00,1,EUR,,0.90,,,,,visa,,",
        "Co,Shop,8800000000000027,ORD-27,visa,2026-11-02 10:00:00,CET,Settled",                                    // short row
        "Co,Shop,8800000000000028,ORD-28,visa,,,Settled,75,EUR,,1.00,1,EUR,,0.90,,,,,visa,,",                       // no date
        "Co,Shop,8800000000000029,ORD-29,visa,2026-11-02 10:00:00,CET,Settled,74,EUR,,1234567890123456,1,EUR,,0.90,,,,,visa,,", // 16 digits
        "Co,Shop,8800000000000030,ORD-30,visa,2026-11-02 10:00:00,CET,Settled,73,EUR,,1.,1,EUR,,0.90,,,,,visa,,",   // "1."
    };

    @Test
    void bytesAndStringsGiveTheSameRowsKeysAndErrors() throws Exception {
        String file = HEADER + "\n" + String.join("\n", ROWS) + "\n";
        AdyenEncoding.Encoded bytes = encode(file, false);
        AdyenEncoding.Encoded strings = encode(file, true);
        assertThat(bytes.plainRows()).as("the byte path was taken").isGreaterThanOrEqualTo(10);
        assertThat(strings.plainRows()).isZero();
        assertThat(bytes.rows()).hasSameSizeAs(strings.rows());
        for (int i = 0; i < bytes.rows().size(); i++) {
            assertThat(bytes.rows().get(i)).as("row %d", i).containsExactlyElementsOf(strings.rows().get(i));
        }
        assertThat(bytes.errors()).containsExactlyElementsOf(strings.errors());
        assertThat(bytes.errors()).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void keysAreNameBasedUuidsOfAccountBatchAndValuesWithRepeatsNumbered() throws Exception {
        String file = HEADER + "\n" + ROWS[0] + "\n" + ROWS[2] + "\n" + ROWS[3] + "\n" + ROWS[4] + "\n";
        AdyenEncoding.Encoded encoded = encode(file, false);
        UUID first = UUID.nameUUIDFromBytes(("Shop\u001f42\u001f" + ROWS[0]).getBytes(StandardCharsets.UTF_8));
        UUID fee = UUID.nameUUIDFromBytes(("Shop\u001f42\u001f" + ROWS[2]).getBytes(StandardCharsets.UTF_8));
        assertThat(encoded.rows()).extracting(r -> r.get(0)).containsExactly(first, fee,
                UUID.nameUUIDFromBytes((fee + "#2").getBytes(StandardCharsets.UTF_8)),
                UUID.nameUUIDFromBytes((fee + "#3").getBytes(StandardCharsets.UTF_8)));
        assertThat(encoded.rows().get(0)).containsExactly(first, "Shop", "42", 2, "8800000000000001", "ORD-1",
                "9900000000000001", "visa", "Settled", Instant.parse("2026-11-02T09:00:00Z"), "EUR", null, 1000L, "EUR",
                null, 980L, 20L);
    }

    private static AdyenEncoding.Encoded encode(String file, boolean stringsOnly) throws Exception {
        return AdyenEncoding.encode(file.getBytes(StandardCharsets.UTF_8), stringsOnly);
    }
}
