package dev.paydesk.privacy;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A data subject as Paydesk knows them: the customer references and e-mail addresses that name them
 * (addresses in lower case). Holders widen it with the identities their records link.
 */
public record DataSubject(Set<String> customerRefs, Set<String> emails) {

    public DataSubject {
        customerRefs = Set.copyOf(customerRefs);
        emails = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A subject named by one reference or address. */
    public static DataSubject of(String customer) {
        String c = customer.strip();
        return c.contains("@") ? new DataSubject(Set.of(), Set.of(c)) : new DataSubject(Set.of(c), Set.of());
    }

    public DataSubject with(DataSubject other) {
        Set<String> refs = new TreeSet<>(customerRefs);
        refs.addAll(other.customerRefs);
        Set<String> mails = new TreeSet<>(emails);
        mails.addAll(other.emails);
        return new DataSubject(refs, mails);
    }

    public boolean isEmpty() {
        return customerRefs.isEmpty() && emails.isEmpty();
    }

    public String[] refsArray() {
        return customerRefs.toArray(String[]::new);
    }

    public String[] emailsArray() {
        return emails.toArray(String[]::new);
    }

    /** Every identity: for crypto-shredding the audit keys named by any of them. */
    public Set<String> identities() {
        Set<String> all = new TreeSet<>(customerRefs);
        all.addAll(emails);
        return all;
    }
}
