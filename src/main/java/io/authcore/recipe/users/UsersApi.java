package io.authcore.recipe.users;

import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.Json;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.UserStore.AuthUser;

/** The user-management endpoints. */
public final class UsersApi implements Api {
  private final UsersService users;

  public UsersApi(UsersService users) {
    this.users = users;
  }

  @Override
  public void routes(Routes r) {
    r.get("/user/id", this::user).scope(Scope.APP_PUBLIC_TENANT);
  }

  private Object user(Call call) {
    String userId = call.query().string("userId");
    AuthUser user =
        users
            .find(call.tenant().appId(), userId)
            .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
    var out = Json.ok();
    out.set("user", UserView.of(user));
    return out;
  }
}
