-- Knowledge (issue 16): articles with versions, four-eyes publishing, translations, and a search table.

create table knowledge_article (
    id               text primary key,
    audience         text not null check (audience in ('INTERNAL', 'CUSTOMER')),
    language         text not null,
    owner            text not null,
    review_due       date,
    markets          text[] not null default '{}',
    methods          text[] not null default '{}',
    providers        text[] not null default '{}',
    categories       text[] not null default '{}',
    queues           text[] not null default '{}',
    reason_codes     text[] not null default '{}',
    latest_version   int not null,
    published_version int,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

-- Append-only history: every edit is a new version; publishing marks one as approved by a second person.
create table knowledge_version (
    article_id   text not null references knowledge_article (id),
    version      int not null,
    title        text not null,
    body         text not null,
    author       text not null,
    created_at   timestamptz not null,
    approved_by  text,
    approved_at  timestamptz,
    primary key (article_id, version)
);

create table knowledge_translation (
    article_id     text not null references knowledge_article (id),
    language       text not null,
    title          text not null,
    body           text not null,
    source_version int not null,
    translator     text not null,
    updated_at     timestamptz not null,
    primary key (article_id, language)
);

-- Synonym groups per team, used to expand search queries ("chargeback" ~ "dispute" ~ "Rückbuchung").
create table knowledge_synonym (
    team  text not null,
    terms text[] not null,
    position int not null,
    primary key (team, position)
);

-- What search reads: one row per published article and language. The corpus keeps throw-away sets
-- (evaluation, benchmark) apart from the live one while they use the same ranking code.
create table knowledge_document (
    corpus      text not null,
    article_id  text not null,
    language    text not null,
    config      regconfig not null,
    audience    text not null,
    title       text not null,
    body        text not null,
    markets     text[] not null default '{}',
    methods     text[] not null default '{}',
    providers   text[] not null default '{}',
    categories  text[] not null default '{}',
    embedding   real[],
    tsv         tsvector generated always as (
                    setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, body), 'B')) stored,
    primary key (corpus, article_id, language)
);
create index knowledge_document_tsv on knowledge_document using gin (tsv);
