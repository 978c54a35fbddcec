-- Four eyes for translations (issue 16): a saved translation is a draft until someone other than its translator
-- publishes it; readers and search see the published text. Translations saved before this rule were already live:
-- they keep their text as published, approved by 'before-four-eyes'.
alter table knowledge_translation
    add column approved_by              text,
    add column approved_at              timestamptz,
    add column published_title          text,
    add column published_body           text,
    add column published_source_version int;

update knowledge_translation
   set approved_by = 'before-four-eyes', approved_at = updated_at,
       published_title = title, published_body = body, published_source_version = source_version;
