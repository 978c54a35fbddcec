-- The audit log is append-only for everyone but its owner: whatever role was granted UPDATE, DELETE or
-- TRUNCATE on it (for example an application role through ALTER DEFAULT PRIVILEGES, docs/deployment.md)
-- loses them. The application role keeps SELECT and INSERT, and may update platform_audit_head (the
-- chain's head), never an entry.
do $$
declare
    r record;
begin
    for r in select distinct grantee from information_schema.role_table_grants
             where table_schema = current_schema() and table_name = 'platform_audit_log'
               and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')
               and grantee <> (select pg_get_userbyid(relowner) from pg_class where oid = 'platform_audit_log'::regclass)
    loop
        if r.grantee = 'PUBLIC' then
            revoke update, delete, truncate on platform_audit_log from public;
        else
            execute format('revoke update, delete, truncate on platform_audit_log from %I', r.grantee);
        end if;
    end loop;
end $$;
