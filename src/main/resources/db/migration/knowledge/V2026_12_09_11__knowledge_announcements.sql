-- Announcements (issue 16): a change published to chosen roles and markets; each user confirms reading it.
create table knowledge_announcement (
    id           uuid primary key,
    title        text not null,
    body         text not null,
    roles        text[] not null default '{}',
    markets      text[] not null default '{}',
    article_id   text references knowledge_article (id),
    author       text not null,
    published_at timestamptz not null
);

create table knowledge_announcement_read (
    announcement_id uuid not null references knowledge_announcement (id),
    username        text not null,
    confirmed_at    timestamptz not null,
    primary key (announcement_id, username)
);
