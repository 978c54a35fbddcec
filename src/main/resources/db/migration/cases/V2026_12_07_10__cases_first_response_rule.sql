-- What satisfies an SLA policy's first-response clock: only a reply to the customer (the default),
-- or a reply or resolving the case (the behaviour before this column existed).
alter table cases_sla_policy
    add column first_response_rule text not null default 'FIRST_REPLY'
        check (first_response_rule in ('FIRST_REPLY', 'FIRST_REPLY_OR_RESOLUTION'));
