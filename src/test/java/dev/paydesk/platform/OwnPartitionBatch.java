package dev.paydesk.platform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.paydesk.payments.FileImports;

/**
 * An Adyen settlement file of one new batch large enough for a partition of its own under the test
 * threshold ({@code paydesk.payments.settlement-partition-rows=5}): the partition is created at run time.
 */
public final class OwnPartitionBatch {

    public static final int LINES = 6;

    private OwnPartitionBatch() {
    }

    /** Imports the batch {@code batch} (digits) as an administrator. */
    public static void importInto(FileImports imports, String batch) {
        StringBuilder file = new StringBuilder("Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,"
                + "TimeZone,Type,Modification Reference,Gross Currency,Gross Credit (GC),Net Currency,Net Credit (NC),"
                + "Commission (NC),Batch Number\n");
        for (int i = 0; i < LINES; i++) {
            file.append("adyen-eu,PSP").append(batch).append(i).append(",ORD-").append(batch).append('-').append(i)
                    .append(",visa,2026-11-20 10:00:00,UTC,Settled,MOD").append(batch).append(i)
                    .append(",EUR,25.00,EUR,24.50,0.50,").append(batch).append('\n');
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test-setup", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            imports.importFile("adyen-settlement", "settlement_detail_report_batch_" + batch + ".csv",
                    new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
