-- Agents' supplier (a workforce supplier code; null = in-house) and teams (free names), see docs/quality.md.
alter table platform_user add column supplier text;
alter table platform_user add column teams text[] not null default '{}';
