-- Announcements may target outsourcing suppliers (codes; 'in-house' for users of no supplier); empty = everyone.
alter table knowledge_announcement add column suppliers text[] not null default '{}';
