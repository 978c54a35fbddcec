-- Audit reads are filtered by the reader's markets (newest first): index the market with the sequence.
create index platform_audit_log_market_idx on platform_audit_log (market, seq desc);
