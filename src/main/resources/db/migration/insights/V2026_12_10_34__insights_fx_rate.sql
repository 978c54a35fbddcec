-- Insights: daily FX reference rates (units of the currency per 1 EUR, as the ECB publishes them, or a
-- manual table in the same CSV shape) for money KPIs in a reporting currency. numeric keeps the
-- published digits exactly; conversions use BigDecimal (see docs/insights.md, "FX").
create table insights_fx_rate (
    day         date        not null,
    currency    char(3)     not null,
    per_eur     numeric     not null check (per_eur > 0),
    source      text        not null,
    imported_at timestamptz not null,
    primary key (currency, day)
);
