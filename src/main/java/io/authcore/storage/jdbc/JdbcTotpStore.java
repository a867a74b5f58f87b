package io.authcore.storage.jdbc;

import io.authcore.storage.TotpStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbcTotpStore implements TotpStore {
  private static final String DEVICE_COLUMNS =
      "device_name, secret_key, period, skew, verified, created_at";

  private final Sql sql;
  private final String users;
  private final String devices;
  private final String usedCodes;

  JdbcTotpStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.users = tables.name("totp_users");
    this.devices = tables.name("totp_user_devices");
    this.usedCodes = tables.name("totp_used_codes");
  }

  @Override
  public void ensureUser(String appId, String userId) {
    sql.update(
        "INSERT INTO " + users + " (app_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        appId,
        userId);
  }

  @Override
  public boolean lockUser(String appId, String userId) {
    return sql.exists(
        "SELECT user_id FROM " + users + " WHERE app_id = ? AND user_id = ? FOR UPDATE",
        appId,
        userId);
  }

  @Override
  public List<Device> devices(String appId, String userId) {
    List<Device> found =
        new ArrayList<>(
            sql.list(
                "SELECT "
                    + DEVICE_COLUMNS
                    + " FROM "
                    + devices
                    + " WHERE app_id = ? AND user_id = ?",
                JdbcTotpStore::device,
                appId,
                userId));
    // The original lists them in its primary-key order, by name compared as code units.
    found.sort(Comparator.comparing(Device::name));
    return found;
  }

  @Override
  public Optional<Device> device(String appId, String userId, String deviceName) {
    return sql.one(
        "SELECT "
            + DEVICE_COLUMNS
            + " FROM "
            + devices
            + " WHERE app_id = ? AND user_id = ? AND device_name = ?",
        JdbcTotpStore::device,
        appId,
        userId,
        deviceName);
  }

  private static Device device(ResultSet rs) throws SQLException {
    long createdAt = rs.getLong(6);
    return new Device(
        rs.getString(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getInt(4),
        rs.getBoolean(5),
        rs.wasNull() ? 0 : createdAt);
  }

  @Override
  public void insertDevice(String appId, String userId, Device device) {
    sql.update(
        "INSERT INTO "
            + devices
            + " (app_id, user_id, "
            + DEVICE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        appId,
        userId,
        device.name(),
        device.secretKey(),
        device.period(),
        device.skew(),
        device.verified(),
        device.createdAt());
  }

  @Override
  public boolean deleteDevice(String appId, String userId, String deviceName) {
    return sql.update(
            "DELETE FROM " + devices + " WHERE app_id = ? AND user_id = ? AND device_name = ?",
            appId,
            userId,
            deviceName)
        > 0;
  }

  @Override
  public void renameDevice(String appId, String userId, String deviceName, String newName) {
    sql.update(
        "UPDATE "
            + devices
            + " SET device_name = ? WHERE app_id = ? AND user_id = ? AND device_name = ?",
        newName,
        appId,
        userId,
        deviceName);
  }

  @Override
  public void markVerified(String appId, String userId, String deviceName) {
    sql.update(
        "UPDATE "
            + devices
            + " SET verified = TRUE WHERE app_id = ? AND user_id = ? AND device_name = ?",
        appId,
        userId,
        deviceName);
  }

  @Override
  public void deleteUser(String appId, String userId) {
    sql.update("DELETE FROM " + users + " WHERE app_id = ? AND user_id = ?", appId, userId);
  }

  @Override
  public Map<String, Boolean> verifiedStatus(String appId, List<String> userIds) {
    Map<String, Boolean> status = new HashMap<>();
    if (userIds.isEmpty()) {
      return status;
    }
    Object[] params = new Object[userIds.size() + 1];
    params[0] = appId;
    for (int i = 0; i < userIds.size(); i++) {
      params[i + 1] = userIds.get(i);
    }
    sql.list(
            "SELECT user_id, MAX(CASE WHEN verified THEN 1 ELSE 0 END) FROM "
                + devices
                + " WHERE app_id = ? AND user_id IN ("
                + "?, ".repeat(userIds.size() - 1)
                + "?) GROUP BY user_id",
            rs -> Map.entry(rs.getString(1), rs.getInt(2) == 1),
            params)
        .forEach(e -> status.put(e.getKey(), e.getValue()));
    return status;
  }

  @Override
  public List<UsedCode> usedCodes(String appId, String tenantId, String userId) {
    return sql.list(
        "SELECT code, is_valid, expiry_time_ms, created_time_ms FROM "
            + usedCodes
            + " WHERE app_id = ? AND tenant_id = ? AND user_id = ? ORDER BY created_time_ms DESC",
        rs -> new UsedCode(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)),
        appId,
        tenantId,
        userId);
  }

  @Override
  public void insertUsedCode(String appId, String tenantId, String userId, UsedCode code) {
    sql.update(
        "INSERT INTO "
            + usedCodes
            + " (app_id, tenant_id, user_id, code, is_valid, expiry_time_ms, created_time_ms)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        appId,
        tenantId,
        userId,
        code.code(),
        code.valid(),
        code.expiryTime(),
        code.createdTime());
  }

  @Override
  public int deleteUsedCodesExpiredBefore(String appId, String tenantId, long time) {
    return sql.update(
        "DELETE FROM " + usedCodes + " WHERE app_id = ? AND tenant_id = ? AND expiry_time_ms < ?",
        appId,
        tenantId,
        time);
  }
}
