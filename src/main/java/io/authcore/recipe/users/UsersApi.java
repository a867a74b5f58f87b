package io.authcore.recipe.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Query;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.users.UsersService.AccountInfo;
import io.authcore.recipe.users.UsersService.Page;
import io.authcore.storage.UserListStore.Entry;
import io.authcore.storage.UserStore.AuthUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The user-management endpoints: one user, pages and searches of users, deletion. */
public final class UsersApi implements Api {
  private final UsersService users;
  private final UserDeletion deletion;

  public UsersApi(UsersService users, UserDeletion deletion) {
    this.users = users;
    this.deletion = deletion;
  }

  @Override
  public void routes(Routes r) {
    r.get("/user/id", this::user).scope(Scope.APP_PUBLIC_TENANT);
    r.get("/users", this::list);
    r.get("/users/by-accountinfo", this::byAccountInfo);
    // No tenant or app is looked at: the original answers even for one that does not exist.
    r.get("/user/search/tags", call -> searchTags()).scope(Scope.NONE);
    r.post("/user/remove", this::remove).scope(Scope.APP_PUBLIC_TENANT).namesMissingApp();
  }

  private Object user(Call call) {
    String userId = call.query().string("userId");
    AuthUser user =
        users
            .find(call.tenant().appId(), userId)
            .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
    var out = Json.ok();
    // Came with account linking, and shows its shape whatever the version.
    out.set("user", UserView.linkedAt(call.cdi()).of(user));
    return out;
  }

  private Object list(Call call) {
    Query q = call.query();
    List<String> recipeIds = RecipeIds.of(q);
    String token = q.optional("paginationToken").orElse(null);
    Integer limit = q.optionalInt("limit").orElse(null);
    String order = q.optional("timeJoinedOrder").orElse("ASC");
    if (!order.equals("ASC") && !order.equals("DESC")) {
      throw HttpError.badRequest("timeJoinedOrder can be either ASC OR DESC");
    }
    boolean ascending = order.equals("ASC");
    List<String> emails = searchTag(q, "email");
    List<String> phones = searchTag(q, "phone");
    List<String> providers = searchTag(q, "provider");
    boolean search = emails != null || phones != null || providers != null;
    if (limit != null && limit > UsersService.MAX_PAGE && !search) {
      throw HttpError.badRequest("max limit allowed is " + UsersService.MAX_PAGE);
    }
    if (limit != null && limit < 1) {
      throw HttpError.badRequest("limit must a positive integer with min value 1");
    }
    UserView view = UserView.at(call.cdi());
    ObjectNode out = Json.ok();
    ArrayNode list = out.putArray("users");
    if (search) {
      // A search ignores the recipe filter, the limit and the token, and ends without a token.
      users
          .search(call.tenant(), emails, phones, providers, ascending)
          .forEach(u -> list.add(view.listEntry(u)));
      return out;
    }
    Entry from = null;
    if (token != null) {
      from =
          PaginationToken.parse(token)
              .orElseThrow(() -> HttpError.badRequest("invalid pagination token"));
    }
    Page page = users.page(call.tenant(), limit == null ? 100 : limit, ascending, recipeIds, from);
    page.users().forEach(u -> list.add(view.listEntry(u)));
    if (page.next() != null) {
      out.put("nextPaginationToken", PaginationToken.of(page.next()));
    }
    return out;
  }

  private Object byAccountInfo(Call call) {
    Query q = call.query();
    String email = q.optional("email").orElse(null);
    String phone = q.optional("phoneNumber").map(PhoneNumbers::normalise).orElse(null);
    String thirdPartyId = q.optional("thirdPartyId").orElse(null);
    String thirdPartyUserId = q.optional("thirdPartyUserId").orElse(null);
    String credential = q.optional("webauthnCredentialId").orElse(null);
    String union = q.string("doUnionOfAccountInfo");
    if (!union.equals("true") && !union.equals("false")) {
      throw HttpError.badRequest("'doUnionOfAccountInfo' should be either 'true' or 'false'");
    }
    if (email != null) {
      email = Emails.normalise(email);
    }
    if ((thirdPartyId == null) != (thirdPartyUserId == null)) {
      throw HttpError.badRequest(
          "If 'thirdPartyId' is provided, 'thirdPartyUserId' must also be provided, and vice"
              + " versa");
    }
    List<AuthUser> found =
        users.byAccountInfo(
            call.tenant(),
            new AccountInfo(email, phone, thirdPartyId, thirdPartyUserId, credential),
            union.equals("true"));
    ObjectNode out = Json.ok();
    ArrayNode list = out.putArray("users");
    UserView view = UserView.linkedAt(call.cdi());
    found.forEach(u -> list.add(view.of(u)));
    return out;
  }

  private static Object searchTags() {
    ObjectNode out = Json.ok();
    out.putArray("tags").add("email").add("phone").add("provider");
    return out;
  }

  private Object remove(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    boolean removeAll = in.optionalBool("removeAllLinkedAccounts").orElse(true);
    deletion.delete(call.tenant().appId(), userId, removeAll);
    return Json.ok();
  }

  /** A search tag's values: split on ';', lower-cased, trimmed, empties dropped; null if none. */
  private static List<String> searchTag(Query q, String name) {
    List<String> values = new ArrayList<>();
    for (String part : q.optional(name).orElse("").split(";")) {
      String value = part.toLowerCase(Locale.ROOT).trim();
      if (!value.isEmpty()) {
        values.add(value);
      }
    }
    return values.isEmpty() ? null : values;
  }
}
