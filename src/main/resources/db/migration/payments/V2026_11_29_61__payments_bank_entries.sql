-- Bank statement entries (ISO 20022 camt.053): the statement's own details of each bank movement
-- stored in payments_transaction (BANK_CREDIT / BANK_DEBIT), one row per movement.
create table payments_bank_entry (
    transaction_id       uuid        primary key references payments_transaction (id),
    account              text        not null,
    statement_id         text        not null,
    entry_number         integer     not null,
    line_number          integer,
    entry_reference      text,
    account_servicer_ref text,
    end_to_end_id        text,
    booking_date         date        not null,
    value_date           date,
    bank_transaction_code text,
    remittance           text,
    counterparty_name    text,
    counterparty_iban    text,
    source_file          text        not null
);
create index payments_bank_entry_e2e_idx on payments_bank_entry (end_to_end_id);
