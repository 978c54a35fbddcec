-- A payment file's insights refresh moved from MoneyFeed (money facts only) to EventFeed (payment and money facts,
-- under the orders' locks). Publications still outstanding for the removed listener go to the new one.
update event_publication
   set listener_id = 'dev.paydesk.insights.internal.EventFeed.on(dev.paydesk.payments.PaymentFileImported)'
 where listener_id = 'dev.paydesk.insights.internal.MoneyFeed.on(dev.paydesk.payments.PaymentFileImported)'
   and completion_date is null;
