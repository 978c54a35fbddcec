-- Deliveries of a deactivated subscription are cancelled, never sent (issue 21, #12).
alter table cases_webhook_delivery drop constraint cases_webhook_delivery_status_check;
alter table cases_webhook_delivery add constraint cases_webhook_delivery_status_check
    check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'));
update cases_webhook_delivery d set status = 'CANCELLED', last_error = 'subscription deactivated'
    from cases_webhook w where w.id = d.webhook_id and not w.active and d.status = 'PENDING';
