package io.authcore.storage.jdbc;

import io.authcore.storage.PasswordlessStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The original's passwordless tables. Hash columns are {@code character(44)}: PostgreSQL pads the
 * 43-character device id hash with a space, so values are trimmed when read.
 */
final class JdbcPasswordlessStore implements PasswordlessStore {
  private static final String RECIPE = "passwordless";
  private static final String DEVICE_COLUMNS =
      "device_id_hash, email, phone_number, link_code_salt, failed_attempts";
  private static final String CODE_COLUMNS = "code_id, device_id_hash, link_code_hash, created_at";

  private final Sql sql;
  private final RecipeUserRows recipeUsers;
  private final String users;
  private final String toTenant;
  private final String devices;
  private final String codes;
  private final String insertionOrder;

  JdbcPasswordlessStore(Sql sql, Dialect dialect, Tables tables) {
    this.insertionOrder = dialect.insertionOrder();
    this.sql = sql;
    this.recipeUsers = new RecipeUserRows(sql, tables);
    this.users = tables.name("passwordless_users");
    this.toTenant = tables.name("passwordless_user_to_tenant");
    this.devices = tables.name("passwordless_devices");
    this.codes = tables.name("passwordless_codes");
  }

  private static Device device(ResultSet rs) throws SQLException {
    return new Device(
        rs.getString(1).trim(),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4).trim(),
        rs.getInt(5));
  }

  private static Code code(ResultSet rs) throws SQLException {
    return new Code(
        rs.getString(1).trim(), rs.getString(2).trim(), rs.getString(3).trim(), rs.getLong(4));
  }

  @Override
  public void insertDevice(String appId, String tenantId, Device d) {
    sql.update(
        "INSERT INTO "
            + devices
            + " (app_id, tenant_id, "
            + DEVICE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        appId,
        tenantId,
        d.deviceIdHash(),
        d.email(),
        d.phoneNumber(),
        d.linkCodeSalt(),
        d.failedAttempts());
  }

  @Override
  public void insertCode(String appId, String tenantId, Code c) {
    sql.update(
        "INSERT INTO "
            + codes
            + " (app_id, tenant_id, "
            + CODE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?)",
        appId,
        tenantId,
        c.codeId(),
        c.deviceIdHash(),
        c.linkCodeHash(),
        c.createdAt());
  }

  @Override
  public Optional<Device> device(String appId, String tenantId, String deviceIdHash) {
    return deviceRow(appId, tenantId, deviceIdHash, "");
  }

  @Override
  public Optional<Device> lockDevice(String appId, String tenantId, String deviceIdHash) {
    return deviceRow(appId, tenantId, deviceIdHash, " FOR UPDATE");
  }

  private Optional<Device> deviceRow(
      String appId, String tenantId, String deviceIdHash, String lock) {
    return sql.one(
        "SELECT "
            + DEVICE_COLUMNS
            + " FROM "
            + devices
            + " WHERE app_id = ? AND tenant_id = ? AND device_id_hash = ?"
            + lock,
        JdbcPasswordlessStore::device,
        appId,
        tenantId,
        deviceIdHash);
  }

  @Override
  public List<Device> devicesByEmail(String appId, String tenantId, String email) {
    return devicesWhere("email", appId, tenantId, email);
  }

  @Override
  public List<Device> devicesByPhoneNumber(String appId, String tenantId, String phoneNumber) {
    return devicesWhere("phone_number", appId, tenantId, phoneNumber);
  }

  private List<Device> devicesWhere(String column, String appId, String tenantId, String value) {
    return sql.list(
        "SELECT "
            + DEVICE_COLUMNS
            + " FROM "
            + devices
            + " WHERE app_id = ? AND tenant_id = ? AND "
            + column
            // The original reads devices without an ORDER BY: in the order its storage keeps them.
            + " = ? ORDER BY "
            + insertionOrder,
        JdbcPasswordlessStore::device,
        appId,
        tenantId,
        value);
  }

  @Override
  public List<Code> codesOf(String appId, String tenantId, String deviceIdHash) {
    return sql.list(
        "SELECT "
            + CODE_COLUMNS
            + " FROM "
            + codes
            + " WHERE app_id = ? AND tenant_id = ? AND device_id_hash = ?"
            // The original reads codes without an ORDER BY too; codes made in the same
            // millisecond keep the order they were made in, not that of their random ids.
            + " ORDER BY created_at, "
            + insertionOrder,
        JdbcPasswordlessStore::code,
        appId,
        tenantId,
        deviceIdHash);
  }

  @Override
  public Optional<Code> code(String appId, String tenantId, String codeId) {
    return sql.one(
        "SELECT "
            + CODE_COLUMNS
            + " FROM "
            + codes
            + " WHERE app_id = ? AND tenant_id = ? AND code_id = ?",
        JdbcPasswordlessStore::code,
        appId,
        tenantId,
        codeId);
  }

  @Override
  public Optional<Code> codeByLinkCodeHash(String appId, String tenantId, String linkCodeHash) {
    return sql.one(
        "SELECT "
            + CODE_COLUMNS
            + " FROM "
            + codes
            + " WHERE app_id = ? AND tenant_id = ? AND link_code_hash = ?",
        JdbcPasswordlessStore::code,
        appId,
        tenantId,
        linkCodeHash);
  }

  @Override
  public void incrementFailedAttempts(String appId, String tenantId, String deviceIdHash) {
    sql.update(
        "UPDATE "
            + devices
            + " SET failed_attempts = failed_attempts + 1"
            + " WHERE app_id = ? AND tenant_id = ? AND device_id_hash = ?",
        appId,
        tenantId,
        deviceIdHash);
  }

  @Override
  public void deleteDevice(String appId, String tenantId, String deviceIdHash) {
    sql.update(
        "DELETE FROM " + devices + " WHERE app_id = ? AND tenant_id = ? AND device_id_hash = ?",
        appId,
        tenantId,
        deviceIdHash);
  }

  @Override
  public void deleteCode(String appId, String tenantId, String codeId) {
    sql.update(
        "DELETE FROM " + codes + " WHERE app_id = ? AND tenant_id = ? AND code_id = ?",
        appId,
        tenantId,
        codeId);
  }

  @Override
  public void deleteDevicesByEmail(String appId, String tenantId, String email) {
    sql.update(
        "DELETE FROM " + devices + " WHERE app_id = ? AND tenant_id = ? AND email = ?",
        appId,
        tenantId,
        email);
  }

  @Override
  public void deleteDevicesByPhoneNumber(String appId, String tenantId, String phoneNumber) {
    sql.update(
        "DELETE FROM " + devices + " WHERE app_id = ? AND tenant_id = ? AND phone_number = ?",
        appId,
        tenantId,
        phoneNumber);
  }

  @Override
  public void deleteUserDevicesByEmail(String appId, String userId, String email) {
    deleteUserDevices("email", appId, userId, email);
  }

  @Override
  public void deleteUserDevicesByPhoneNumber(String appId, String userId, String phoneNumber) {
    deleteUserDevices("phone_number", appId, userId, phoneNumber);
  }

  private void deleteUserDevices(String column, String appId, String userId, String value) {
    sql.update(
        "DELETE FROM "
            + devices
            + " WHERE app_id = ? AND "
            + column
            + " = ? AND tenant_id IN (SELECT tenant_id FROM "
            + toTenant
            + " WHERE app_id = ? AND user_id = ?)",
        appId,
        value,
        appId,
        userId);
  }

  @Override
  public int deleteExpiredDevices(String appId, String tenantId, long cutoff) {
    String codesOfDevice =
        " FROM "
            + codes
            + " c WHERE c.app_id = d.app_id AND c.tenant_id = d.tenant_id"
            + " AND c.device_id_hash = d.device_id_hash AND c.created_at ";
    return sql.update(
        "DELETE FROM "
            + devices
            + " d WHERE d.app_id = ? AND d.tenant_id = ? AND EXISTS (SELECT 1"
            + codesOfDevice
            + "< ?) AND NOT EXISTS (SELECT 1"
            + codesOfDevice
            + ">= ?)",
        appId,
        tenantId,
        cutoff,
        cutoff);
  }

  @Override
  public void insertUser(
      String appId,
      String tenantId,
      String userId,
      String email,
      String phoneNumber,
      long timeJoined) {
    recipeUsers.insert(appId, tenantId, userId, RECIPE, timeJoined);
    sql.update(
        "INSERT INTO "
            + users
            + " (app_id, user_id, email, phone_number, time_joined) VALUES (?, ?, ?, ?, ?)",
        appId,
        userId,
        email,
        phoneNumber,
        timeJoined);
    sql.update(
        "INSERT INTO "
            + toTenant
            + " (app_id, tenant_id, user_id, email, phone_number) VALUES (?, ?, ?, ?, ?)",
        appId,
        tenantId,
        userId,
        email,
        phoneNumber);
  }

  @Override
  public Optional<String> userIdByEmail(String appId, String tenantId, String email) {
    return userIdWhere("email", appId, tenantId, email);
  }

  @Override
  public Optional<String> userIdByPhoneNumber(String appId, String tenantId, String phoneNumber) {
    return userIdWhere("phone_number", appId, tenantId, phoneNumber);
  }

  private Optional<String> userIdWhere(String column, String appId, String tenantId, String value) {
    return sql.one(
        "SELECT user_id FROM "
            + toTenant
            + " WHERE app_id = ? AND tenant_id = ? AND "
            + column
            + " = ?",
        rs -> rs.getString(1).trim(),
        appId,
        tenantId,
        value);
  }

  @Override
  public boolean emailTakenInTenantsOf(String appId, String userId, String email) {
    return takenInTenantsOf("email", appId, userId, email);
  }

  @Override
  public boolean phoneNumberTakenInTenantsOf(String appId, String userId, String phoneNumber) {
    return takenInTenantsOf("phone_number", appId, userId, phoneNumber);
  }

  private boolean takenInTenantsOf(String column, String appId, String userId, String value) {
    return sql.exists(
        "SELECT 1 FROM "
            + toTenant
            + " other WHERE other.app_id = ? AND other."
            + column
            + " = ? AND other.user_id <> ?"
            + " AND other.tenant_id IN (SELECT mine.tenant_id FROM "
            + toTenant
            + " mine WHERE mine.app_id = ? AND mine.user_id = ?)",
        appId,
        value,
        userId,
        appId,
        userId);
  }

  @Override
  public void updateEmail(String appId, String userId, String email) {
    update("email", appId, userId, email);
  }

  @Override
  public void updatePhoneNumber(String appId, String userId, String phoneNumber) {
    update("phone_number", appId, userId, phoneNumber);
  }

  private void update(String column, String appId, String userId, String value) {
    for (String table : List.of(users, toTenant)) {
      sql.update(
          "UPDATE " + table + " SET " + column + " = ? WHERE app_id = ? AND user_id = ?",
          value,
          appId,
          userId);
    }
  }
}
