-- Images and files on knowledge articles (issue 16), stored in PostgreSQL beside the article.
create table knowledge_file (
    id           uuid primary key,
    article_id   text not null references knowledge_article (id),
    filename     text not null,
    content_type text not null,
    size_bytes   int not null check (size_bytes > 0),
    sha256       text not null,
    content      bytea not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null
);

create index knowledge_file_article on knowledge_file (article_id, uploaded_at);
