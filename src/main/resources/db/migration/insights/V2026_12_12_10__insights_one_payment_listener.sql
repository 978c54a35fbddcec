-- Insights reads recorded payments and closed disputes once, in EventFeed, for both its KPI facts and its money
-- facts; MoneyFeed no longer listens to PaymentsRecorded or DisputeClosed. Publications still outstanding for the
-- removed listeners go to EventFeed's, which writes both (an upsert: a duplicate counts nothing twice).
update event_publication
   set listener_id = 'dev.paydesk.insights.internal.EventFeed.on(dev.paydesk.payments.PaymentsRecorded)'
 where listener_id = 'dev.paydesk.insights.internal.MoneyFeed.on(dev.paydesk.payments.PaymentsRecorded)'
   and completion_date is null;
update event_publication
   set listener_id = 'dev.paydesk.insights.internal.EventFeed.on(dev.paydesk.disputes.DisputeClosed)'
 where listener_id = 'dev.paydesk.insights.internal.MoneyFeed.on(dev.paydesk.disputes.DisputeClosed)'
   and completion_date is null;
