package io.authcore.storage.jdbc;

import io.authcore.storage.AccountIdStore;
import io.authcore.storage.AccountLinkingStore;
import io.authcore.storage.BulkImportStore;
import io.authcore.storage.DashboardStore;
import io.authcore.storage.EmailPasswordStore;
import io.authcore.storage.EmailVerificationStore;
import io.authcore.storage.KeyValueStore;
import io.authcore.storage.MetadataStore;
import io.authcore.storage.PasswordlessStore;
import io.authcore.storage.RoleAssignmentStore;
import io.authcore.storage.RoleStore;
import io.authcore.storage.SessionStore;
import io.authcore.storage.SigningKeyStore;
import io.authcore.storage.Stores;
import io.authcore.storage.TenantStore;
import io.authcore.storage.ThirdPartyStore;
import io.authcore.storage.TotpStore;
import io.authcore.storage.UserActivityStore;
import io.authcore.storage.UserDataStore;
import io.authcore.storage.UserIdMappingStore;
import io.authcore.storage.UserImportStore;
import io.authcore.storage.UserListStore;
import io.authcore.storage.UserStore;
import io.authcore.storage.WebAuthnStore;

/** Every store, bound to one {@link ConnectionSource}: the pool, or one open transaction. */
final class JdbcStores implements Stores {
  private final KeyValueStore keyValue;
  private final TenantStore tenants;
  private final SessionStore sessions;
  private final SigningKeyStore signingKeys;
  private final AccountIdStore accountIds;
  private final UserStore users;
  private final UserActivityStore userActivity;
  private final MetadataStore metadata;
  private final RoleStore roles;
  private final RoleAssignmentStore roleAssignments;
  private final UserListStore userLists;
  private final UserDataStore userData;
  private final UserIdMappingStore userIdMappings;
  private final EmailPasswordStore emailPassword;
  private final ThirdPartyStore thirdParty;
  private final AccountLinkingStore accountLinking;
  private final EmailVerificationStore emailVerification;
  private final PasswordlessStore passwordless;
  private final TotpStore totp;
  private final WebAuthnStore webAuthn;
  private final DashboardStore dashboard;
  private final BulkImportStore bulkImport;
  private final UserImportStore userImport;

  JdbcStores(ConnectionSource source, Dialect dialect, Tables tables) {
    Sql sql = new Sql(source, tables);
    this.keyValue = new JdbcKeyValueStore(sql, dialect, tables);
    this.tenants = new JdbcTenantStore(sql, tables);
    this.signingKeys = new JdbcSigningKeyStore(sql, tables);
    this.users = new JdbcUserStore(sql, tables);
    this.userActivity = new JdbcUserActivityStore(sql, dialect, tables);
    this.metadata = new JdbcMetadataStore(sql, tables);
    this.roles = new JdbcRoleStore(sql, tables);
    this.roleAssignments = new JdbcRoleAssignmentStore(sql, tables);
    this.userLists = new JdbcUserListStore(sql, tables);
    this.userData = new JdbcUserDataStore(sql, tables);
    this.userIdMappings = new JdbcUserIdMappingStore(sql, tables);
    JdbcAccountIdStore accountIds = new JdbcAccountIdStore(sql, tables, userIdMappings);
    this.accountIds = accountIds;
    this.sessions = new JdbcSessionStore(sql, dialect, tables, accountIds);
    this.emailPassword = new JdbcEmailPasswordStore(sql, tables);
    this.thirdParty = new JdbcThirdPartyStore(sql, tables);
    this.accountLinking = new JdbcAccountLinkingStore(sql, dialect, tables);
    this.emailVerification = new JdbcEmailVerificationStore(sql, dialect, tables);
    this.passwordless = new JdbcPasswordlessStore(sql, dialect, tables);
    this.totp = new JdbcTotpStore(sql, tables);
    this.webAuthn = new JdbcWebAuthnStore(sql, tables);
    this.dashboard = new JdbcDashboardStore(sql, tables);
    this.bulkImport = new JdbcBulkImportStore(sql, tables);
    this.userImport = new JdbcUserImportStore(sql, dialect, tables);
  }

  @Override
  public KeyValueStore keyValue() {
    return keyValue;
  }

  @Override
  public TenantStore tenants() {
    return tenants;
  }

  @Override
  public SessionStore sessions() {
    return sessions;
  }

  @Override
  public SigningKeyStore signingKeys() {
    return signingKeys;
  }

  @Override
  public AccountIdStore accountIds() {
    return accountIds;
  }

  @Override
  public UserStore users() {
    return users;
  }

  @Override
  public MetadataStore metadata() {
    return metadata;
  }

  @Override
  public RoleStore roles() {
    return roles;
  }

  @Override
  public RoleAssignmentStore roleAssignments() {
    return roleAssignments;
  }

  @Override
  public UserListStore userLists() {
    return userLists;
  }

  @Override
  public UserDataStore userData() {
    return userData;
  }

  @Override
  public UserIdMappingStore userIdMappings() {
    return userIdMappings;
  }

  @Override
  public EmailPasswordStore emailPassword() {
    return emailPassword;
  }

  @Override
  public ThirdPartyStore thirdParty() {
    return thirdParty;
  }

  @Override
  public AccountLinkingStore accountLinking() {
    return accountLinking;
  }

  @Override
  public PasswordlessStore passwordless() {
    return passwordless;
  }

  @Override
  public TotpStore totp() {
    return totp;
  }

  @Override
  public WebAuthnStore webAuthn() {
    return webAuthn;
  }

  @Override
  public EmailVerificationStore emailVerification() {
    return emailVerification;
  }

  @Override
  public UserActivityStore userActivity() {
    return userActivity;
  }

  @Override
  public DashboardStore dashboard() {
    return dashboard;
  }

  @Override
  public BulkImportStore bulkImport() {
    return bulkImport;
  }

  @Override
  public UserImportStore userImport() {
    return userImport;
  }
}
