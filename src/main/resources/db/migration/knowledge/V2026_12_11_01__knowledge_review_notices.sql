-- Owners are told once per article and review date that the review has come (issue 16).
create table knowledge_review_notice (
    id          bigserial primary key,
    article_id  text not null references knowledge_article (id),
    review_due  date not null,
    owner       text not null,
    title       text not null,
    created_at  timestamptz not null,
    read_at     timestamptz,
    unique (article_id, review_due)
);

create index knowledge_review_notice_unread on knowledge_review_notice (owner) where read_at is null;
