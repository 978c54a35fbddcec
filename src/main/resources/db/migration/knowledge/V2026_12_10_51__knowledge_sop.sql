-- SOPs as articles (issue 16): which article is the SOP of a case category (and market; null = every market).
-- The case desk keeps its versioned step lists (cases_sop) and the steps each case recorded (cases_sop_check);
-- knowledge imports each SOP once and, when an SOP article is published, appends a new cases_sop version.
create table knowledge_sop (
    article_id text primary key references knowledge_article (id),
    category   text not null,
    market     text
);
create unique index knowledge_sop_category_market on knowledge_sop (category, coalesce(market, ''));
