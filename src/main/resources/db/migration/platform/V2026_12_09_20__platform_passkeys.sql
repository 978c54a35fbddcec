-- Passkeys (WebAuthn, issue 22): Spring Security's JDBC credential storage, schema as shipped in
-- spring-security-web 7.0 (org/springframework/security/user-entities-schema.sql and
-- user-credentials-schema-postgres.sql). The table names are fixed by JdbcPublicKeyCredentialUserEntityRepository
-- and JdbcUserCredentialRepository. user_entities.name is the Paydesk username; the credential holds only a
-- public key (the private key never leaves the authenticator).
create table user_entities
(
    id           varchar(1000) not null,
    name         varchar(100)  not null,
    display_name varchar(200),
    primary key (id)
);
create unique index user_entities_name_uq on user_entities (name);

create table user_credentials
(
    credential_id                varchar(1000) not null,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null,
    primary key (credential_id)
);
create index user_credentials_user_idx on user_credentials (user_entity_user_id);

-- TOTP secrets encrypted at rest (AES-GCM under a key kept outside the database): 0 = stored as it
-- was before this change (encrypted once at the next start), 1 = AES-256-GCM, 12-byte nonce first.
alter table platform_totp add column secret_format smallint not null default 0;
