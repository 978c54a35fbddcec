package dev.paydesk.payments.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;

import dev.paydesk.payments.TransactionKind;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.MoneyParser;

/**
 * Reads an ISO 20022 BankToCustomerStatement (camt.053.001.08) with the Prowide ISO 20022 model
 * into bank movements: one per transaction detail (Ntry/NtryDtls/TxDtls), or one per entry without
 * details. Entries are numbered from 1 in document order; a light StAX pass only notes where each
 * {@code Ntry} starts and ends, so a bad entry can be quarantined with its line number and text.
 */
final class Camt053Reader {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private Camt053Reader() {
    }

    /** A statement file: its movements and the entries that could not be read. */
    record Document(List<BankMovement> movements, List<BadEntry> bad, int entries) {
    }

    /** One bank movement as the statement reports it. */
    record BankMovement(String account, String statementId, int entryNumber, @Nullable Integer line,
                        String providerReference, TransactionKind kind, Money amount, String status,
                        LocalDate bookingDate, @Nullable LocalDate valueDate, Instant bookedAt,
                        @Nullable String entryReference, @Nullable String accountServicerReference,
                        @Nullable String endToEndId, @Nullable String bankTransactionCode, @Nullable String remittance,
                        List<String> referenceCandidates, @Nullable String counterpartyName,
                        @Nullable String counterpartyIban) {

        /** Every text passes {@link Intake}'s checks, so an entry with an unstorable value is a bad entry. */
        BankMovement {
            Intake.reference("Acct", account);
            Intake.reference("Stmt/Id", statementId);
            Intake.reference("reference", providerReference);
            Intake.reference("NtryRef", entryReference);
            Intake.reference("AcctSvcrRef", accountServicerReference);
            Intake.reference("EndToEndId", endToEndId);
            Intake.text("BkTxCd", bankTransactionCode);
            Intake.text("RmtInf", remittance);
            Intake.text("Cdtr/Dbtr Nm", counterpartyName);
            Intake.reference("IBAN", counterpartyIban);
        }
    }

    /** An entry that could not be read, with its number, line and raw XML. */
    record BadEntry(@Nullable String account, int entryNumber, @Nullable Integer line, String reason, String raw) {
    }

    private record Span(int startLine, int endLine) {
    }

    static Document read(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        List<Span> spans = entrySpans(xml);
        MxCamt05300108 mx;
        try {
            mx = text.contains(NAMESPACE) ? MxCamt05300108.parse(text) : null;
        } catch (RuntimeException e) {
            mx = null;
        }
        if (mx == null || mx.getBkToCstmrStmt() == null) {
            throw new InvalidInputException("file", "not an ISO 20022 camt.053.001.08 BankToCustomerStatement");
        }
        String[] lines = text.split("\r?\n", -1);
        List<BankMovement> movements = new ArrayList<>();
        List<BadEntry> bad = new ArrayList<>();
        int number = 0;
        for (AccountStatement9 statement : mx.getBkToCstmrStmt().getStmt()) {
            String account = account(statement);
            for (ReportEntry10 entry : statement.getNtry()) {
                number++;
                Span span = number <= spans.size() ? spans.get(number - 1) : null;
                Integer line = span == null ? null : span.startLine();
                try {
                    if (account == null) {
                        throw new MalformedPayloadException("the statement has no account IBAN or other id");
                    }
                    movements.addAll(entry(account, statement.getId(), number, line, entry));
                } catch (MalformedPayloadException e) {
                    bad.add(new BadEntry(account, number, line, "entry " + number + ": " + e.getMessage(),
                            raw(lines, span)));
                }
            }
        }
        return new Document(movements, bad, number);
    }

    private static List<BankMovement> entry(String account, @Nullable String statementId, int number,
                                            @Nullable Integer line, ReportEntry10 entry) {
        String status = status(entry);
        if (status == null) {
            return List.of();
        }
        boolean credit = creditDebit(entry.getCdtDbtInd());
        Money entryAmount = money(entry.getAmt(), "Ntry/Amt");
        LocalDate booking = date(entry.getBookgDt(), "Ntry/BookgDt");
        LocalDate value = entry.getValDt() == null ? null : date(entry.getValDt(), "Ntry/ValDt");
        Instant bookedAt = entry.getBookgDt().getDtTm() != null ? entry.getBookgDt().getDtTm().toInstant()
                : booking.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<EntryTransaction10> details = new ArrayList<>();
        for (EntryDetails9 d : entry.getNtryDtls()) {
            details.addAll(d.getTxDtls());
        }
        String code = bankTransactionCode(entry);
        String reversal = Boolean.TRUE.equals(entry.isRvslInd()) ? "reversal" : status;
        if (details.isEmpty()) {
            String ref = firstNonBlank(entry.getAcctSvcrRef(), entry.getNtryRef());
            return List.of(new BankMovement(account, nz(statementId), number, line,
                    ref != null ? ref : contentKey(account, booking, entryAmount, credit, entry.getAddtlNtryInf()),
                    credit ? TransactionKind.BANK_CREDIT : TransactionKind.BANK_DEBIT, entryAmount, reversal, booking,
                    value, bookedAt, entry.getNtryRef(), entry.getAcctSvcrRef(), null, code, entry.getAddtlNtryInf(),
                    words(entry.getAddtlNtryInf()), null, null));
        }
        List<BankMovement> result = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            EntryTransaction10 tx = details.get(i);
            boolean txCredit = tx.getCdtDbtInd() == null ? credit : creditDebit(tx.getCdtDbtInd());
            Money amount = tx.getAmt() != null ? money(tx.getAmt(), "TxDtls/Amt") : entryAmount;
            if (tx.getAmt() == null && details.size() > 1) {
                throw new MalformedPayloadException("TxDtls " + (i + 1) + " of a batch entry has no Amt");
            }
            TransactionReferences6 refs = tx.getRefs();
            String txServicerRef = refs == null ? null : blank(refs.getAcctSvcrRef());
            String endToEnd = refs == null ? null : blank(refs.getEndToEndId());
            if (NOT_PROVIDED.equalsIgnoreCase(endToEnd)) {
                endToEnd = null;
            }
            String entryRef = firstNonBlank(entry.getAcctSvcrRef(), entry.getNtryRef());
            String remittance = remittance(tx.getRmtInf(), tx.getAddtlTxInf());
            String reference = txServicerRef != null ? txServicerRef
                    : entryRef != null ? (details.size() == 1 ? entryRef : entryRef + "/" + (i + 1))
                    : endToEnd != null ? endToEnd
                    : contentKey(account, booking, amount, txCredit, remittance + "/" + (i + 1));
            Set<String> candidates = new LinkedHashSet<>(structuredReferences(tx.getRmtInf()));
            candidates.addAll(words(remittance));
            if (endToEnd != null) {
                candidates.add(endToEnd);
            }
            TransactionParties6 parties = tx.getRltdPties();
            Party40Choice party = parties == null ? null : txCredit ? parties.getDbtr() : parties.getCdtr();
            CashAccount38 partyAccount = parties == null ? null : txCredit ? parties.getDbtrAcct() : parties.getCdtrAcct();
            result.add(new BankMovement(account, nz(statementId), number, line, reference,
                    txCredit ? TransactionKind.BANK_CREDIT : TransactionKind.BANK_DEBIT, amount, reversal, booking,
                    value, bookedAt, entry.getNtryRef(), firstNonBlank(txServicerRef, entry.getAcctSvcrRef()), endToEnd,
                    code, remittance, List.copyOf(candidates), maskName(partyName(party)),
                    maskIban(partyAccount == null || partyAccount.getId() == null ? null : partyAccount.getId().getIBAN())));
        }
        return result;
    }

    /** Booked entries become movements; pending and information-only entries are skipped until booked. */
    private static @Nullable String status(ReportEntry10 entry) {
        String code = entry.getSts() == null ? null
                : firstNonBlank(entry.getSts().getCd(), entry.getSts().getPrtry());
        if (code == null) {
            throw new MalformedPayloadException("Ntry/Sts is missing");
        }
        return code.equalsIgnoreCase("BOOK") ? "booked" : null;
    }

    private static boolean creditDebit(@Nullable CreditDebitCode code) {
        if (code == null) {
            throw new MalformedPayloadException("CdtDbtInd is missing or not CRDT/DBIT");
        }
        return code == CreditDebitCode.CRDT;
    }

    /** The amount in minor units of its currency; more decimals than the currency has are an error. */
    static Money money(@Nullable ActiveOrHistoricCurrencyAndAmount amount, String where) {
        if (amount == null || amount.getValue() == null || amount.getCcy() == null) {
            throw new MalformedPayloadException(where + " is missing or not a decimal amount with Ccy");
        }
        // ISO 20022 writes the Ccy as an ISO 4217 code and the amount unsigned (the sign is CdtDbtInd)
        Currency currency = Intake.currency(where + " Ccy", amount.getCcy().trim());
        return new Money(Intake.decimal(where, amount.getValue().toPlainString(), currency,
                MoneyParser.Sign.NON_NEGATIVE), currency);
    }

    private static LocalDate date(@Nullable DateAndDateTime2Choice choice, String where) {
        if (choice == null || (choice.getDt() == null && choice.getDtTm() == null)) {
            throw new MalformedPayloadException(where + " is missing or not a date");
        }
        return choice.getDt() != null ? choice.getDt() : choice.getDtTm().toLocalDate();
    }

    private static @Nullable String account(AccountStatement9 statement) {
        if (statement.getAcct() == null || statement.getAcct().getId() == null) {
            return null;
        }
        var id = statement.getAcct().getId();
        return id.getIBAN() != null ? id.getIBAN() : id.getOthr() == null ? null : id.getOthr().getId();
    }

    private static @Nullable String bankTransactionCode(ReportEntry10 entry) {
        var code = entry.getBkTxCd();
        if (code == null) {
            return null;
        }
        if (code.getDomn() != null && code.getDomn().getFmly() != null) {
            return code.getDomn().getCd() + "/" + code.getDomn().getFmly().getCd() + "/"
                    + code.getDomn().getFmly().getSubFmlyCd();
        }
        return code.getPrtry() == null ? null : code.getPrtry().getCd();
    }

    /** Unstructured lines and the structured references, as one text (null when there is none). */
    private static @Nullable String remittance(@Nullable RemittanceInformation16 info, @Nullable String additional) {
        List<String> parts = new ArrayList<>();
        if (info != null) {
            info.getUstrd().stream().map(Camt053Reader::blank).filter(s -> s != null).forEach(parts::add);
            for (String ref : structuredReferences(info)) {
                parts.add(ref);
            }
        }
        if (parts.isEmpty() && blank(additional) != null) {
            parts.add(additional.trim());
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** Creditor reference, referred document numbers and additional remittance lines of Strd blocks. */
    private static List<String> structuredReferences(@Nullable RemittanceInformation16 info) {
        List<String> refs = new ArrayList<>();
        if (info == null) {
            return refs;
        }
        for (StructuredRemittanceInformation16 s : info.getStrd()) {
            if (s.getCdtrRefInf() != null && blank(s.getCdtrRefInf().getRef()) != null) {
                refs.add(s.getCdtrRefInf().getRef().trim());
            }
            s.getRfrdDocInf().stream().map(d -> blank(d.getNb())).filter(n -> n != null).forEach(refs::add);
            s.getAddtlRmtInf().stream().map(Camt053Reader::blank).filter(a -> a != null).forEach(refs::add);
        }
        return refs;
    }

    /** Words of free text that could be an order reference (letters, digits, - _ /). */
    static List<String> words(@Nullable String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String w : text.split("[^A-Za-z0-9_/-]+")) {
                if (w.length() >= 3) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static @Nullable String partyName(@Nullable Party40Choice party) {
        return party == null || party.getPty() == null ? null : blank(party.getPty().getNm());
    }

    /** First name kept, the rest as initials: "Max Mustermann" becomes "Max M.". */
    static @Nullable String maskName(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String[] parts = name.trim().split("\\s+");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(' ').append(parts[i].charAt(0)).append('.');
        }
        return sb.toString();
    }

    /** Country, check digits and the last four characters: "DE89 **** 3000". */
    static @Nullable String maskIban(@Nullable String iban) {
        if (iban == null) {
            return null;
        }
        String compact = iban.replaceAll("\\s", "");
        return compact.length() < 8 ? "****" : compact.substring(0, 4) + " **** " + compact.substring(compact.length() - 4);
    }

    private static String contentKey(String account, LocalDate booking, Money amount, boolean credit,
                                     @Nullable String text) {
        return "camt:" + UUID.nameUUIDFromBytes(String.join("\u001f", account, booking.toString(),
                Long.toString(amount.minor()), amount.currency().getCurrencyCode(), credit ? "C" : "D", nz(text))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Start and end line of every Ntry element of the statement namespace, in document order. */
    private static List<Span> entrySpans(byte[] xml) {
        List<Span> spans = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            int start = -1;
            while (reader.hasNext()) {
                int event = reader.next();
                boolean ntry = (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT)
                        && "Ntry".equals(reader.getLocalName()) && NAMESPACE.equals(reader.getNamespaceURI());
                if (ntry && event == XMLStreamConstants.START_ELEMENT) {
                    start = reader.getLocation().getLineNumber();
                } else if (ntry) {
                    spans.add(new Span(start, reader.getLocation().getLineNumber()));
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new InvalidInputException("file", "this file is not well-formed XML" + (line > 0 ? " (line " + line + ")" : "")
                    + ", so it is not a camt.053 bank statement; check that the kind chosen matches the file");
        }
        return spans;
    }

    private static String raw(String[] lines, @Nullable Span span) {
        if (span == null || span.startLine() < 1) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = span.startLine() - 1; i < Math.min(span.endLine(), lines.length); i++) {
            sb.append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static @Nullable String firstNonBlank(@Nullable String a, @Nullable String b) {
        return blank(a) != null ? a.trim() : blank(b);
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
