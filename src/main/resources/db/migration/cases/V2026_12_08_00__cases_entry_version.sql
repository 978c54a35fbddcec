-- The case version each timeline entry was written at, so a stale form can show what changed since.
alter table cases_entry add column version integer;
update cases_entry e set version = c.version from cases_case c where c.id = e.case_id;
