package io.authcore.recipe.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.config.CoreConfig;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.Routes;
import io.authcore.tenancy.TenantId;
import java.util.Optional;

/**
 * {@code GET /config?pid=}: the config file this process loaded, for {@code supertokens list}. It
 * answers only the caller that already knows our pid (read from a {@code .started} file), so a
 * stranger on the network learns nothing about the file system; no api key, as in the original.
 */
public final class ConfigApi implements Api {
  private final Optional<String> configPath;
  private final long pid;

  public ConfigApi(CoreConfig config) {
    this(config, ProcessHandle.current().pid());
  }

  ConfigApi(CoreConfig config, long pid) {
    // The original always loads a file; Authcore may run on defaults alone, and then names none
    // rather than a path that does not exist.
    this.configPath = config.source().map(p -> p.toAbsolutePath().normalize().toString());
    this.pid = pid;
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/config", this::config).withoutApiKey().anyCdiVersion();
  }

  private Object config(Call call) {
    String asked = call.query().string("pid");
    if (!call.tenant().equals(TenantId.BASE)) {
      throw HttpError.forbidden(
          "you can call this only from the base connection uri domain, public app and tenant");
    }
    if (!asked.equals(Long.toString(pid))) {
      return Json.object().put("status", "NOT_ALLOWED");
    }
    ObjectNode reply = Json.ok();
    configPath.ifPresent(path -> reply.put("path", path));
    return reply;
  }
}
