-- The tables of the original core's deployment document ("Database tables" in
-- self-host-supertokens), in an order that satisfies every foreign key: the contract for PostgreSQL,
-- and the same logical schema for the in-memory H2 database.
--
-- Read by io.authcore.storage.jdbc.BaselineMigration. Each CREATE TABLE starts a group that holds
-- the indexes on that table; a group runs only when its table is missing, so a database created by
-- the original core (or by hand from the document) is adopted as it is.
--
-- ${t} is the schema qualifier and table prefix ("" by default; "myschema.my_prefix_" with
-- postgresql_table_schema and postgresql_table_names_prefix); ${p} is the prefix alone, for
-- constraint and index names. Statements end with ';' at the end of a line.
--
-- Spelling differences from the document that create the same catalog: VARCHAR(128) ARRAY for
-- VARCHAR(128)[] (H2 accepts only the former), no IF NOT EXISTS, and webauthn_users comes before
-- webauthn_credentials, which references it.

CREATE TABLE ${t}apps (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  created_at_time BIGINT,
  CONSTRAINT ${p}apps_pkey PRIMARY KEY (app_id)
);

CREATE TABLE ${t}tenants (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  created_at_time BIGINT,
  CONSTRAINT ${p}tenants_pkey PRIMARY KEY (app_id, tenant_id),
  CONSTRAINT ${p}tenants_app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}tenants_app_id_index ON ${t}tenants (app_id);

CREATE TABLE ${t}tenant_configs (
  connection_uri_domain VARCHAR(256) DEFAULT '' NOT NULL,
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  core_config TEXT,
  email_password_enabled BOOLEAN,
  passwordless_enabled BOOLEAN,
  third_party_enabled BOOLEAN,
  is_first_factors_null BOOLEAN,
  CONSTRAINT ${p}tenant_configs_pkey PRIMARY KEY (connection_uri_domain, app_id, tenant_id)
);

CREATE TABLE ${t}tenant_thirdparty_providers (
  connection_uri_domain VARCHAR(256) DEFAULT '' NOT NULL,
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  third_party_id VARCHAR(28) NOT NULL,
  name VARCHAR(64),
  authorization_endpoint TEXT,
  authorization_endpoint_query_params TEXT,
  token_endpoint TEXT,
  token_endpoint_body_params TEXT,
  user_info_endpoint TEXT,
  user_info_endpoint_query_params TEXT,
  user_info_endpoint_headers TEXT,
  jwks_uri TEXT,
  oidc_discovery_endpoint TEXT,
  require_email BOOLEAN,
  user_info_map_from_id_token_payload_user_id VARCHAR(64),
  user_info_map_from_id_token_payload_email VARCHAR(64),
  user_info_map_from_id_token_payload_email_verified VARCHAR(64),
  user_info_map_from_user_info_endpoint_user_id VARCHAR(64),
  user_info_map_from_user_info_endpoint_email VARCHAR(64),
  user_info_map_from_user_info_endpoint_email_verified VARCHAR(64),
  CONSTRAINT ${p}tenant_thirdparty_providers_pkey PRIMARY KEY (connection_uri_domain, app_id, tenant_id, third_party_id),
  CONSTRAINT ${p}tenant_thirdparty_providers_tenant_id_fkey FOREIGN KEY (connection_uri_domain, app_id, tenant_id) REFERENCES ${t}tenant_configs (connection_uri_domain, app_id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX ${p}tenant_thirdparty_providers_tenant_id_index ON ${t}tenant_thirdparty_providers (connection_uri_domain, app_id, tenant_id);

CREATE TABLE ${t}tenant_thirdparty_provider_clients (
  connection_uri_domain VARCHAR(256) DEFAULT '' NOT NULL,
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  third_party_id VARCHAR(28) NOT NULL,
  client_type VARCHAR(64) DEFAULT '' NOT NULL,
  client_id VARCHAR(256) NOT NULL,
  client_secret TEXT,
  scope VARCHAR(128) ARRAY,
  force_pkce BOOLEAN,
  additional_config TEXT,
  CONSTRAINT ${p}tenant_thirdparty_provider_clients_pkey PRIMARY KEY (connection_uri_domain, app_id, tenant_id, third_party_id, client_type),
  CONSTRAINT ${p}tenant_thirdparty_provider_clients_third_party_id_fkey FOREIGN KEY (connection_uri_domain, app_id, tenant_id, third_party_id) REFERENCES ${t}tenant_thirdparty_providers (connection_uri_domain, app_id, tenant_id, third_party_id) ON DELETE CASCADE
);
CREATE INDEX ${p}tenant_thirdparty_provider_clients_third_party_id_index ON ${t}tenant_thirdparty_provider_clients (connection_uri_domain, app_id, tenant_id, third_party_id);

CREATE TABLE ${t}tenant_first_factors (
  connection_uri_domain VARCHAR(256) DEFAULT '' NOT NULL,
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  factor_id VARCHAR(128),
  CONSTRAINT ${p}tenant_first_factors_pkey PRIMARY KEY (connection_uri_domain, app_id, tenant_id, factor_id),
  CONSTRAINT ${p}tenant_first_factors_tenant_id_fkey FOREIGN KEY (connection_uri_domain, app_id, tenant_id) REFERENCES ${t}tenant_configs (connection_uri_domain, app_id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX ${p}tenant_first_factors_tenant_id_index ON ${t}tenant_first_factors (connection_uri_domain, app_id, tenant_id);

CREATE TABLE ${t}tenant_required_secondary_factors (
  connection_uri_domain VARCHAR(256) DEFAULT '' NOT NULL,
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  factor_id VARCHAR(128),
  CONSTRAINT ${p}tenant_required_secondary_factors_pkey PRIMARY KEY (connection_uri_domain, app_id, tenant_id, factor_id),
  CONSTRAINT ${p}tenant_required_secondary_factors_tenant_id_fkey FOREIGN KEY (connection_uri_domain, app_id, tenant_id) REFERENCES ${t}tenant_configs (connection_uri_domain, app_id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX ${p}tenant_default_required_factor_ids_tenant_id_index ON ${t}tenant_required_secondary_factors (connection_uri_domain, app_id, tenant_id);

CREATE TABLE ${t}key_value (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  name VARCHAR(128) NOT NULL,
  value TEXT,
  created_at_time BIGINT,
  CONSTRAINT ${p}key_value_pkey PRIMARY KEY (app_id, tenant_id, name),
  CONSTRAINT ${p}key_value_tenant_id_fkey FOREIGN KEY (app_id, tenant_id) REFERENCES ${t}tenants (app_id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX ${p}key_value_tenant_id_index ON ${t}key_value (app_id, tenant_id);

CREATE TABLE ${t}app_id_to_user_id (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id character(36) NOT NULL,
  recipe_id VARCHAR(128) NOT NULL,
  primary_or_recipe_user_id CHAR(36) NOT NULL,
  is_linked_or_is_a_primary_user BOOLEAN NOT NULL DEFAULT FALSE,
  CONSTRAINT ${p}app_id_to_user_id_pkey PRIMARY KEY (app_id, user_id),
  CONSTRAINT ${p}app_id_to_user_id_primary_or_recipe_user_id_fkey FOREIGN KEY (app_id, primary_or_recipe_user_id) REFERENCES ${t}app_id_to_user_id (app_id, user_id) ON DELETE CASCADE,
  CONSTRAINT ${p}app_id_to_user_id_app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}app_id_to_user_id_app_id_index ON ${t}app_id_to_user_id (app_id);
CREATE INDEX ${p}app_id_to_user_id_primary_user_id_index ON ${t}app_id_to_user_id (primary_or_recipe_user_id, app_id);

CREATE TABLE ${t}all_auth_recipe_users (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id character(36) NOT NULL,
  primary_or_recipe_user_id CHAR(36) NOT NULL,
  is_linked_or_is_a_primary_user BOOLEAN NOT NULL DEFAULT FALSE,
  recipe_id VARCHAR(128) NOT NULL,
  time_joined BIGINT NOT NULL,
  primary_or_recipe_user_time_joined BIGINT NOT NULL,
  CONSTRAINT ${p}all_auth_recipe_users_pkey PRIMARY KEY (app_id, tenant_id, user_id),
  CONSTRAINT ${p}all_auth_recipe_users_tenant_id_fkey FOREIGN KEY (app_id, tenant_id) REFERENCES ${t}tenants (app_id, tenant_id) ON DELETE CASCADE,
  CONSTRAINT ${p}all_auth_recipe_users_primary_or_recipe_user_id_fkey FOREIGN KEY (app_id, primary_or_recipe_user_id) REFERENCES ${t}app_id_to_user_id (app_id, user_id) ON DELETE CASCADE,
  CONSTRAINT ${p}all_auth_recipe_users_user_id_fkey FOREIGN KEY (app_id, user_id) REFERENCES ${t}app_id_to_user_id (app_id, user_id) ON DELETE CASCADE
);
CREATE INDEX ${p}all_auth_recipe_users_pagination_index1 ON ${t}all_auth_recipe_users (app_id, tenant_id, primary_or_recipe_user_time_joined DESC, primary_or_recipe_user_id DESC);
CREATE INDEX ${p}all_auth_recipe_users_pagination_index2 ON ${t}all_auth_recipe_users (app_id, tenant_id, primary_or_recipe_user_time_joined ASC, primary_or_recipe_user_id DESC);
CREATE INDEX ${p}all_auth_recipe_users_pagination_index3 ON ${t}all_auth_recipe_users (recipe_id, app_id, tenant_id, primary_or_recipe_user_time_joined DESC, primary_or_recipe_user_id DESC);
CREATE INDEX ${p}all_auth_recipe_users_pagination_index4 ON ${t}all_auth_recipe_users (recipe_id, app_id, tenant_id, primary_or_recipe_user_time_joined ASC, primary_or_recipe_user_id DESC);
CREATE INDEX ${p}all_auth_recipe_users_primary_user_id_index ON ${t}all_auth_recipe_users (primary_or_recipe_user_id, app_id);
CREATE INDEX ${p}all_auth_recipe_users_recipe_id_index ON ${t}all_auth_recipe_users (app_id, recipe_id, tenant_id);
CREATE INDEX ${p}all_auth_recipe_user_id_index ON ${t}all_auth_recipe_users (app_id, user_id);
CREATE INDEX ${p}all_auth_recipe_tenant_id_index ON ${t}all_auth_recipe_users (app_id, tenant_id);

CREATE TABLE ${t}userid_mapping (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  supertokens_user_id character(36) NOT NULL,
  external_user_id VARCHAR(128) NOT NULL,
  external_user_id_info TEXT,
  CONSTRAINT ${p}userid_mapping_external_user_id_key UNIQUE (app_id, external_user_id),
  CONSTRAINT ${p}userid_mapping_pkey PRIMARY KEY (app_id, supertokens_user_id, external_user_id),
  CONSTRAINT ${p}userid_mapping_supertokens_user_id_key UNIQUE (app_id, supertokens_user_id),
  CONSTRAINT ${p}userid_mapping_supertokens_user_id_fkey FOREIGN KEY (app_id, supertokens_user_id) REFERENCES ${t}app_id_to_user_id (app_id, user_id) ON DELETE CASCADE
);
CREATE INDEX ${p}userid_mapping_supertokens_user_id_index ON ${t}userid_mapping (app_id, supertokens_user_id);

CREATE TABLE ${t}dashboard_users (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id character(36) NOT NULL,
  email VARCHAR(256) NOT NULL,
  password_hash VARCHAR(256) NOT NULL,
  time_joined BIGINT NOT NULL,
  CONSTRAINT ${p}dashboard_users_email_key UNIQUE (app_id, email),
  CONSTRAINT ${p}dashboard_users_pkey PRIMARY KEY (app_id, user_id),
  CONSTRAINT ${p}dashboard_users_app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}dashboard_users_app_id_index ON ${t}dashboard_users (app_id);

CREATE TABLE ${t}dashboard_user_sessions (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  session_id character(36) NOT NULL,
  user_id character(36) NOT NULL,
  time_created BIGINT NOT NULL,
  expiry BIGINT NOT NULL,
  CONSTRAINT ${p}dashboard_user_sessions_pkey PRIMARY KEY (app_id, session_id),
  CONSTRAINT ${p}dashboard_user_sessions_user_id_fkey FOREIGN KEY (app_id, user_id) REFERENCES ${t}dashboard_users (app_id, user_id) ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX ${p}dashboard_user_sessions_expiry_index ON ${t}dashboard_user_sessions (expiry);
CREATE INDEX ${p}dashboard_user_sessions_user_id_index ON ${t}dashboard_user_sessions (app_id, user_id);

CREATE TABLE ${t}session_access_token_signing_keys (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  created_at_time BIGINT NOT NULL,
  value TEXT,
  CONSTRAINT ${p}session_access_token_signing_keys_pkey PRIMARY KEY (app_id, created_at_time),
  CONSTRAINT ${p}session_access_token_signing_keys_app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}access_token_signing_keys_app_id_index ON ${t}session_access_token_signing_keys (app_id);

CREATE TABLE ${t}session_info (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  session_handle VARCHAR(255) NOT NULL,
  user_id VARCHAR(128) NOT NULL,
  refresh_token_hash_2 VARCHAR(128) NOT NULL,
  session_data TEXT,
  expires_at BIGINT NOT NULL,
  created_at_time BIGINT NOT NULL,
  jwt_user_payload TEXT,
  use_static_key BOOLEAN NOT NULL,
  CONSTRAINT ${p}session_info_pkey PRIMARY KEY (app_id, tenant_id, session_handle),
  CONSTRAINT ${p}session_info_tenant_id_fkey FOREIGN KEY (app_id, tenant_id) REFERENCES ${t}tenants (app_id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX ${p}session_expiry_index ON ${t}session_info (expires_at);
CREATE INDEX ${p}session_info_tenant_id_index ON ${t}session_info (app_id, tenant_id);
CREATE INDEX ${p}session_info_user_id_app_id_index ON ${t}session_info (user_id, app_id);

CREATE TABLE ${t}user_last_active (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id VARCHAR(128) NOT NULL,
  last_active_time BIGINT,
  CONSTRAINT ${p}user_last_active_pkey PRIMARY KEY (app_id, user_id),
  CONSTRAINT ${p}user_last_active_app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}user_last_active_app_id_index ON ${t}user_last_active (app_id);

CREATE TABLE ${t}emailpassword_users (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id character(36) NOT NULL,
  email VARCHAR(256) NOT NULL,
  password_hash VARCHAR(256) NOT NULL,
  time_joined BIGINT NOT NULL,
  CONSTRAINT ${p}emailpassword_users_pkey PRIMARY KEY (app_id, user_id),
  CONSTRAINT ${p}emailpassword_users_user_id_fkey FOREIGN KEY (app_id, user_id) REFERENCES ${t}app_id_to_user_id (app_id, user_id) ON DELETE CASCADE
);

CREATE TABLE ${t}emailpassword_user_to_tenant (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id character(36) NOT NULL,
  email VARCHAR(256) NOT NULL,
  CONSTRAINT ${p}emailpassword_user_to_tenant_email_key UNIQUE (app_id, tenant_id, email),
  CONSTRAINT ${p}emailpassword_user_to_tenant_pkey PRIMARY KEY (app_id, tenant_id, user_id),
  CONSTRAINT ${p}emailpassword_user_to_tenant_user_id_fkey FOREIGN KEY (app_id, tenant_id, user_id) REFERENCES ${t}all_auth_recipe_users (app_id, tenant_id, user_id) ON DELETE CASCADE
);

CREATE TABLE ${t}emailpassword_pswd_reset_tokens (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id character(36) NOT NULL,
  token VARCHAR(128) NOT NULL,
  token_expiry BIGINT NOT NULL,
  email VARCHAR(256),
  CONSTRAINT ${p}emailpassword_pswd_reset_tokens_pkey PRIMARY KEY (app_id, user_id, token),
  CONSTRAINT ${p}emailpassword_pswd_reset_tokens_token_key UNIQUE (token),
  CONSTRAINT ${p}emailpassword_pswd_reset_tokens_user_id_fkey FOREIGN KEY (app_id, user_id) REFERENCES ${t}app_id_to_user_id (app_id, user_id) ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX ${p}emailpassword_password_reset_token_expiry_index ON ${t}emailpassword_pswd_reset_tokens (token_expiry);
CREATE INDEX ${p}emailpassword_pswd_reset_tokens_user_id_index ON ${t}emailpassword_pswd_reset_tokens (app_id, user_id);

CREATE TABLE ${t}emailverification_verified_emails (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id VARCHAR(128) NOT NULL,
  email VARCHAR(256) NOT NULL,
  CONSTRAINT ${p}emailverification_verified_emails_pkey PRIMARY KEY (app_id, user_id, email),
  CONSTRAINT ${p}emailverification_verified_emails_app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}emailverification_verified_emails_app_id_index ON ${t}emailverification_verified_emails (app_id);
CREATE INDEX ${p}emailverification_verified_emails_app_id_email_index ON ${t}emailverification_verified_emails (app_id, email);

CREATE TABLE ${t}emailverification_tokens (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id VARCHAR(128) NOT NULL,
  email VARCHAR(256) NOT NULL,
  token VARCHAR(128) NOT NULL,
  token_expiry BIGINT NOT NULL,
  CONSTRAINT ${p}emailverification_tokens_pkey PRIMARY KEY (app_id, tenant_id, user_id, email, token),
  CONSTRAINT ${p}emailverification_tokens_token_key UNIQUE (token),
  CONSTRAINT ${p}emailverification_tokens_tenant_id_fkey FOREIGN KEY (app_id, tenant_id) REFERENCES ${t}tenants (app_id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX ${p}emailverification_tokens_index ON ${t}emailverification_tokens (token_expiry);
CREATE INDEX ${p}emailverification_tokens_tenant_id_index ON ${t}emailverification_tokens (app_id, tenant_id);

CREATE TABLE ${t}thirdparty_users (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  third_party_id VARCHAR(28) NOT NULL,
  third_party_user_id VARCHAR(256) NOT NULL,
  user_id character(36) NOT NULL,
  email VARCHAR(256) NOT NULL,
  time_joined BIGINT NOT NULL,
  CONSTRAINT ${p}thirdparty_users_pkey PRIMARY KEY (app_id, user_id),
  CONSTRAINT ${p}thirdparty_users_user_id_fkey FOREIGN KEY (app_id, user_id) REFERENCES ${t}app_id_to_user_id (app_id, user_id) ON DELETE CASCADE
);
CREATE INDEX ${p}thirdparty_users_email_index ON ${t}thirdparty_users (app_id, email);
CREATE INDEX ${p}thirdparty_users_thirdparty_user_id_index ON ${t}thirdparty_users (app_id, third_party_id, third_party_user_id);

CREATE TABLE ${t}thirdparty_user_to_tenant (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id character(36) NOT NULL,
  third_party_id VARCHAR(28) NOT NULL,
  third_party_user_id VARCHAR(256) NOT NULL,
  CONSTRAINT ${p}thirdparty_user_to_tenant_pkey PRIMARY KEY (app_id, tenant_id, user_id),
  CONSTRAINT ${p}thirdparty_user_to_tenant_third_party_user_id_key UNIQUE (app_id, tenant_id, third_party_id, third_party_user_id),
  CONSTRAINT ${p}thirdparty_user_to_tenant_user_id_fkey FOREIGN KEY (app_id, tenant_id, user_id) REFERENCES ${t}all_auth_recipe_users (app_id, tenant_id, user_id) ON DELETE CASCADE
);

CREATE TABLE ${t}passwordless_users (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id character(36) NOT NULL,
  email VARCHAR(256),
  phone_number VARCHAR(256),
  time_joined BIGINT NOT NULL,
  CONSTRAINT ${p}passwordless_users_pkey PRIMARY KEY (app_id, user_id),
  CONSTRAINT ${p}passwordless_users_user_id_fkey FOREIGN KEY (app_id, user_id) REFERENCES ${t}app_id_to_user_id (app_id, user_id) ON DELETE CASCADE
);

CREATE TABLE ${t}passwordless_user_to_tenant (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id character(36) NOT NULL,
  email VARCHAR(256),
  phone_number VARCHAR(256),
  CONSTRAINT ${p}passwordless_user_to_tenant_email_key UNIQUE (app_id, tenant_id, email),
  CONSTRAINT ${p}passwordless_user_to_tenant_phone_number_key UNIQUE (app_id, tenant_id, phone_number),
  CONSTRAINT ${p}passwordless_user_to_tenant_pkey PRIMARY KEY (app_id, tenant_id, user_id),
  CONSTRAINT ${p}passwordless_user_to_tenant_user_id_fkey FOREIGN KEY (app_id, tenant_id, user_id) REFERENCES ${t}all_auth_recipe_users (app_id, tenant_id, user_id) ON DELETE CASCADE
);

CREATE TABLE ${t}passwordless_devices (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  device_id_hash character(44) NOT NULL,
  email VARCHAR(256),
  phone_number VARCHAR(256),
  link_code_salt character(44) NOT NULL,
  failed_attempts integer NOT NULL,
  CONSTRAINT ${p}passwordless_devices_pkey PRIMARY KEY (app_id, tenant_id, device_id_hash),
  CONSTRAINT ${p}passwordless_devices_tenant_id_fkey FOREIGN KEY (app_id, tenant_id) REFERENCES ${t}tenants (app_id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX ${p}passwordless_devices_email_index ON ${t}passwordless_devices (app_id, tenant_id, email);
CREATE INDEX ${p}passwordless_devices_phone_number_index ON ${t}passwordless_devices (app_id, tenant_id, phone_number);
CREATE INDEX ${p}passwordless_devices_tenant_id_index ON ${t}passwordless_devices (app_id, tenant_id);

CREATE TABLE ${t}passwordless_codes (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  code_id character(36) NOT NULL,
  device_id_hash character(44) NOT NULL,
  link_code_hash character(44) NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT ${p}passwordless_codes_link_code_hash_key UNIQUE (app_id, tenant_id, link_code_hash),
  CONSTRAINT ${p}passwordless_codes_pkey PRIMARY KEY (app_id, tenant_id, code_id),
  CONSTRAINT ${p}passwordless_codes_device_id_hash_fkey FOREIGN KEY (app_id, tenant_id, device_id_hash) REFERENCES ${t}passwordless_devices (app_id, tenant_id, device_id_hash) ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX ${p}passwordless_codes_created_at_index ON ${t}passwordless_codes (app_id, tenant_id, created_at);
CREATE INDEX ${p}passwordless_codes_device_id_hash_index ON ${t}passwordless_codes (app_id, tenant_id, device_id_hash);

CREATE TABLE ${t}jwt_signing_keys (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  key_id VARCHAR(255) NOT NULL,
  key_string TEXT NOT NULL,
  algorithm VARCHAR(10) NOT NULL,
  created_at BIGINT,
  CONSTRAINT ${p}jwt_signing_keys_pkey PRIMARY KEY (app_id, key_id),
  CONSTRAINT ${p}jwt_signing_keys_app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}jwt_signing_keys_app_id_index ON ${t}jwt_signing_keys (app_id);

CREATE TABLE ${t}user_metadata (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id VARCHAR(128) NOT NULL,
  user_metadata TEXT NOT NULL,
  CONSTRAINT ${p}user_metadata_pkey PRIMARY KEY (app_id, user_id),
  CONSTRAINT ${p}user_metadata_app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}user_metadata_app_id_index ON ${t}user_metadata (app_id);

CREATE TABLE ${t}roles (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  role VARCHAR(255) NOT NULL,
  CONSTRAINT ${p}roles_pkey PRIMARY KEY (app_id, role),
  CONSTRAINT ${p}roles_app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}roles_app_id_index ON ${t}roles (app_id);

CREATE TABLE ${t}role_permissions (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  role VARCHAR(255) NOT NULL,
  permission VARCHAR(255) NOT NULL,
  CONSTRAINT ${p}role_permissions_pkey PRIMARY KEY (app_id, role, permission),
  CONSTRAINT ${p}role_permissions_role_fkey FOREIGN KEY (app_id, role) REFERENCES ${t}roles (app_id, role) ON DELETE CASCADE
);
CREATE INDEX ${p}role_permissions_permission_index ON ${t}role_permissions (app_id, permission);
CREATE INDEX ${p}role_permissions_role_index ON ${t}role_permissions (app_id, role);

CREATE TABLE ${t}user_roles (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id VARCHAR(128) NOT NULL,
  role VARCHAR(255) NOT NULL,
  CONSTRAINT ${p}user_roles_pkey PRIMARY KEY (app_id, tenant_id, user_id, role),
  CONSTRAINT ${p}user_roles_tenant_id_fkey FOREIGN KEY (app_id, tenant_id) REFERENCES ${t}tenants (app_id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX ${p}user_roles_role_index ON ${t}user_roles (app_id, tenant_id, role);
CREATE INDEX ${p}user_roles_tenant_id_index ON ${t}user_roles (app_id, tenant_id);
CREATE INDEX ${p}user_roles_app_id_role_index ON ${t}user_roles (app_id, role);

CREATE TABLE ${t}totp_users (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id VARCHAR(128) NOT NULL,
  CONSTRAINT ${p}totp_users_pkey PRIMARY KEY (app_id, user_id),
  CONSTRAINT ${p}totp_users_app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}totp_users_app_id_index ON ${t}totp_users (app_id);

CREATE TABLE ${t}totp_user_devices (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id VARCHAR(128) NOT NULL,
  device_name VARCHAR(256) NOT NULL,
  secret_key VARCHAR(256) NOT NULL,
  period integer NOT NULL,
  skew integer NOT NULL,
  verified BOOLEAN NOT NULL,
  created_at BIGINT,
  CONSTRAINT ${p}totp_user_devices_pkey PRIMARY KEY (app_id, user_id, device_name),
  CONSTRAINT ${p}totp_user_devices_user_id_fkey FOREIGN KEY (app_id, user_id) REFERENCES ${t}totp_users (app_id, user_id) ON DELETE CASCADE
);
CREATE INDEX ${p}totp_user_devices_user_id_index ON ${t}totp_user_devices (app_id, user_id);

CREATE TABLE ${t}totp_used_codes (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id VARCHAR(128) NOT NULL,
  code VARCHAR(8) NOT NULL,
  is_valid BOOLEAN NOT NULL,
  expiry_time_ms BIGINT NOT NULL,
  created_time_ms BIGINT NOT NULL,
  CONSTRAINT ${p}totp_used_codes_pkey PRIMARY KEY (app_id, tenant_id, user_id, created_time_ms),
  CONSTRAINT ${p}totp_used_codes_tenant_id_fkey FOREIGN KEY (app_id, tenant_id) REFERENCES ${t}tenants (app_id, tenant_id) ON DELETE CASCADE,
  CONSTRAINT ${p}totp_used_codes_user_id_fkey FOREIGN KEY (app_id, user_id) REFERENCES ${t}totp_users (app_id, user_id) ON DELETE CASCADE
);
CREATE INDEX ${p}totp_used_codes_expiry_time_ms_index ON ${t}totp_used_codes (app_id, tenant_id, expiry_time_ms);
CREATE INDEX ${p}totp_used_codes_tenant_id_index ON ${t}totp_used_codes (app_id, tenant_id);
CREATE INDEX ${p}totp_used_codes_user_id_index ON ${t}totp_used_codes (app_id, user_id);

CREATE TABLE ${t}bulk_import_users (
  id CHAR(36),
  app_id VARCHAR(64) NOT NULL DEFAULT 'public',
  primary_user_id VARCHAR(36),
  raw_data TEXT NOT NULL,
  status VARCHAR(128) DEFAULT 'NEW',
  error_msg TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT ${p}bulk_import_users_pkey PRIMARY KEY (app_id, id),
  CONSTRAINT ${p}bulk_import_users__app_id_fkey FOREIGN KEY (app_id) REFERENCES ${t}apps (app_id) ON DELETE CASCADE
);
CREATE INDEX ${p}bulk_import_users_status_updated_at_index ON ${t}bulk_import_users (app_id, status, updated_at);
CREATE INDEX ${p}bulk_import_users_pagination_index1 ON ${t}bulk_import_users (app_id, status, created_at DESC, id DESC);
CREATE INDEX ${p}bulk_import_users_pagination_index2 ON ${t}bulk_import_users (app_id, created_at DESC, id DESC);

CREATE TABLE ${t}webauthn_account_recovery_tokens (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id CHAR(36) NOT NULL,
  email VARCHAR(256) NOT NULL,
  token VARCHAR(256) NOT NULL,
  expires_at BIGINT NOT NULL,
  CONSTRAINT ${p}webauthn_account_recovery_token_pkey PRIMARY KEY (app_id, tenant_id, user_id, token),
  CONSTRAINT ${p}webauthn_account_recovery_token_user_id_fkey FOREIGN KEY (app_id, tenant_id, user_id) REFERENCES ${t}all_auth_recipe_users (app_id, tenant_id, user_id) ON DELETE CASCADE
);
CREATE INDEX ${p}webauthn_account_recovery_token_token_index ON ${t}webauthn_account_recovery_tokens (app_id, tenant_id, token);
CREATE INDEX ${p}webauthn_account_recovery_token_expires_at_index ON ${t}webauthn_account_recovery_tokens (expires_at DESC);
CREATE INDEX ${p}webauthn_account_recovery_token_email_index ON ${t}webauthn_account_recovery_tokens (app_id, tenant_id, email);

CREATE TABLE ${t}webauthn_users (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id CHAR(36) NOT NULL,
  email VARCHAR(256) NOT NULL,
  rp_id VARCHAR(256) NOT NULL,
  time_joined BIGINT NOT NULL,
  CONSTRAINT ${p}webauthn_users_pkey PRIMARY KEY (app_id, user_id),
  CONSTRAINT ${p}webauthn_users_user_id_fkey FOREIGN KEY (app_id, user_id) REFERENCES ${t}app_id_to_user_id (app_id, user_id) ON DELETE CASCADE
);

CREATE TABLE ${t}webauthn_credentials (
  id VARCHAR(256) NOT NULL,
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  rp_id VARCHAR(256) NOT NULL,
  user_id CHAR(36),
  counter BIGINT NOT NULL,
  public_key BYTEA NOT NULL,
  transports TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT ${p}webauthn_credentials_pkey PRIMARY KEY (app_id, rp_id, id),
  CONSTRAINT ${p}webauthn_credentials_user_id_fkey FOREIGN KEY (app_id, user_id) REFERENCES ${t}webauthn_users (app_id, user_id) ON DELETE CASCADE
);
CREATE INDEX ${p}webauthn_credentials_user_id_index ON ${t}webauthn_credentials (user_id);

CREATE TABLE ${t}webauthn_generated_options (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  id CHAR(36) NOT NULL,
  challenge VARCHAR(256) NOT NULL,
  email VARCHAR(256),
  rp_id VARCHAR(256) NOT NULL,
  rp_name VARCHAR(256) NOT NULL,
  origin VARCHAR(256) NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  user_presence_required BOOLEAN DEFAULT false NOT NULL,
  user_verification VARCHAR(12) DEFAULT 'preferred' NOT NULL,
  CONSTRAINT ${p}webauthn_generated_options_pkey PRIMARY KEY (app_id, tenant_id, id),
  CONSTRAINT ${p}webauthn_generated_options_tenant_id_fkey FOREIGN KEY (app_id, tenant_id) REFERENCES ${t}tenants (app_id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX ${p}webauthn_user_challenges_expires_at_index ON ${t}webauthn_generated_options (app_id, tenant_id, expires_at);

CREATE TABLE ${t}webauthn_user_to_tenant (
  app_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  tenant_id VARCHAR(64) DEFAULT 'public' NOT NULL,
  user_id CHAR(36) NOT NULL,
  email VARCHAR(256) NOT NULL,
  CONSTRAINT ${p}webauthn_user_to_tenant_email_key UNIQUE (app_id, tenant_id, email),
  CONSTRAINT ${p}webauthn_user_to_tenant_pkey PRIMARY KEY (app_id, tenant_id, user_id),
  CONSTRAINT ${p}webauthn_user_to_tenant_user_id_fkey FOREIGN KEY (app_id, tenant_id, user_id) REFERENCES ${t}all_auth_recipe_users (app_id, tenant_id, user_id) ON DELETE CASCADE
);
CREATE INDEX ${p}webauthn_user_to_tenant_email_index ON ${t}webauthn_user_to_tenant (app_id, email);
