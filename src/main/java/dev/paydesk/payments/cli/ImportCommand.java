package dev.paydesk.payments.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.payments.FileImports;
import dev.paydesk.payments.ImportResult;
import dev.paydesk.shared.CliCommand;
import dev.paydesk.shared.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bin/paydesk import <kind> <file>}: imports a provider report or a merchant feed. */
@Component
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a file: adyen-settlement (Adyen Settlement details report CSV), stripe-balance (Stripe itemised "
                + "balance or payout reconciliation report), paypal-settlement (PayPal STL), klarna-settlement, camt053 (ISO 20022 bank statement "
                + "camt.053.001.08), orders "
                + "(merchant_reference,market,customer_reference,amount,currency,expected_method), refund-requests "
                + "(refund_reference,merchant_reference,amount,currency,requested_at), captures (the merchant's capture records: "
                + "capture_reference,merchant_reference,provider,amount,currency,method,captured_at,customer_reference"
                + "[,merchant_account]). Re-importing changes nothing.")
class ImportCommand implements CliCommand, Callable<Integer> {

    private final FileImports imports;

    @Parameters(index = "0", description = "kind of file")
    String kind = "";

    @Parameters(index = "1", description = "the file")
    Path file = Path.of("");

    ImportCommand(FileImports imports) {
        this.imports = imports;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(file)) {
            System.err.println("Cannot read " + file);
            return 2;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "cli:" + System.getProperty("user.name"), null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try (InputStream in = Files.newInputStream(file)) {
            ImportResult r = imports.importFile(kind, file.getFileName().toString(), in);
            System.out.printf("%s %s: %d rows read, %d new, %d quarantined (see the quarantine page) in %d ms%n",
                    r.kind(), r.fileName(), r.rowsRead(), r.rowsNew(), r.rowsQuarantined(), r.took().toMillis());
            return r.rowsQuarantined() > 0 ? 1 : 0;
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
