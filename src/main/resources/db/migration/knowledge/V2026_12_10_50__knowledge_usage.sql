-- Knowledge usage (issue 16): article views (from the library or from a case), "did this help" answers,
-- and searches with their hit counts, for the usage and gap reports.
create table knowledge_usage (
    id         bigserial primary key,
    article_id text not null references knowledge_article (id),
    kind       text not null check (kind in ('VIEW', 'OPENED_FROM_CASE', 'HELPFUL', 'NOT_HELPFUL')),
    case_key   text,
    username   text not null,
    at         timestamptz not null
);
create index knowledge_usage_article on knowledge_usage (article_id, kind);

create table knowledge_search_log (
    id       bigserial primary key,
    query    text not null,
    hits     int not null,
    username text not null,
    at       timestamptz not null
);
create index knowledge_search_log_at on knowledge_search_log (at);
