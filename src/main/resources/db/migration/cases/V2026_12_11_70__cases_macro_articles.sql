-- A reply macro may link knowledge articles (their ids); the case page shows them beside the macro's text.
alter table cases_macro add column articles text[] not null default '{}';
