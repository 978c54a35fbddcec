-- One notification per user, case and alert, however often the alert is delivered (deliveries may run concurrently).
create unique index cases_notification_once_uq on cases_notification (username, case_id, kind, text);
