package dev.paydesk.workforce;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.paydesk.platform.SupplierDirectory;

/** Tells platform which suppliers users may belong to: workforce's suppliers. */
@Component
class WorkforceSupplierDirectory implements SupplierDirectory {

    private final ContactData data;

    WorkforceSupplierDirectory(ContactData data) {
        this.data = data;
    }

    @Override
    public Map<String, String> suppliers() {
        Map<String, String> all = new TreeMap<>();
        data.suppliers().forEach(s -> all.put(s.code(), s.name()));
        return all;
    }
}
