-- Indexes for reconciliation's bulk reads through PaymentRecords (settlement lines by reference and booking time).
create index if not exists payments_settlement_line_psp_idx on payments_settlement_line (psp_reference);
create index if not exists payments_settlement_line_order_idx on payments_settlement_line (merchant_reference);
create index if not exists payments_settlement_line_booked_idx on payments_settlement_line (booked_at);
create index if not exists payments_order_created_idx on payments_order (created_at);
create index if not exists payments_refund_request_time_idx on payments_refund_request (requested_at);
