-- A file row that cannot be read is quarantined once: importing the same file again finds the same
-- source, line and content and adds nothing. Webhooks keep no key (each delivery is its own record).
alter table payments_quarantine add column dedupe_key text;
create unique index payments_quarantine_dedupe_idx on payments_quarantine (dedupe_key) where dedupe_key is not null;
