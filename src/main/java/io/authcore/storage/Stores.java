package io.authcore.storage;

/**
 * The stores, one per concern. The same interface is bound either to the pool (each call is its own
 * transaction) or to one open transaction (see {@link Storage#inTransaction}). A new recipe adds
 * one accessor here and one store interface next to it.
 */
public interface Stores {
  KeyValueStore keyValue();

  TenantStore tenants();

  SessionStore sessions();

  SigningKeyStore signingKeys();

  AccountIdStore accountIds();

  UserStore users();

  UserActivityStore userActivity();

  MetadataStore metadata();

  RoleStore roles();

  RoleAssignmentStore roleAssignments();

  UserListStore userLists();

  UserDataStore userData();

  UserIdMappingStore userIdMappings();

  EmailPasswordStore emailPassword();

  EmailVerificationStore emailVerification();

  ThirdPartyStore thirdParty();

  AccountLinkingStore accountLinking();

  PasswordlessStore passwordless();

  TotpStore totp();

  WebAuthnStore webAuthn();

  DashboardStore dashboard();

  BulkImportStore bulkImport();

  UserImportStore userImport();
}
