package io.authcore.recipe.accountlinking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.Endpoint;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.accountlinking.AccountLinkingService.Linked;
import io.authcore.recipe.accountlinking.AccountLinkingService.Primary;
import io.authcore.recipe.accountlinking.AccountLinkingService.Unlinked;
import io.authcore.recipe.users.UserView;

/**
 * The account-linking endpoints, app-specific, at every CDI version (the original serves them from
 * 2.7 on, with users in the linked shape). Always on: the original's paid feature, free here.
 */
public final class AccountLinkingApi implements Api {
  private static final String PATH = "/recipe/accountlinking/user";

  private final AccountLinkingService linking;

  public AccountLinkingApi(AccountLinkingService linking) {
    this.linking = linking;
  }

  @Override
  public void routes(Routes r) {
    r.get(PATH + "/primary/check", answered(this::canCreatePrimary, false))
        .scope(Scope.APP_PUBLIC_TENANT);
    r.post(PATH + "/primary", answered(this::createPrimary, false)).scope(Scope.APP_PUBLIC_TENANT);
    r.get(PATH + "/link/check", answered(this::canLink, false)).scope(Scope.APP_PUBLIC_TENANT);
    r.post(PATH + "/link", answered(this::link, true)).scope(Scope.APP_PUBLIC_TENANT);
    r.post(PATH + "/unlink", answered(this::unlink, false)).scope(Scope.APP_PUBLIC_TENANT);
  }

  /**
   * Unknown ids are bad input here, not a status. A refusal names the primary user in the way; a
   * refused link also shows the group its recipe user is in.
   */
  private static Endpoint answered(Endpoint endpoint, boolean showsGroup) {
    return call -> {
      try {
        return endpoint.handle(call);
      } catch (StatusException e) {
        if (e.status() == Status.UNKNOWN_USER_ID_ERROR) {
          throw HttpError.badRequest("Unknown user ID provided");
        }
        throw e;
      } catch (LinkRefusedException e) {
        ObjectNode out = Json.object().put("status", e.status().name());
        out.put("primaryUserId", e.primaryUserId());
        out.put("description", e.getMessage());
        if (showsGroup
            && e.status()
                == Status.RECIPE_USER_ID_ALREADY_LINKED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR) {
          out.set("user", UserView.linkedAt(call.cdi()).of(e.user()));
        }
        return out;
      }
    };
  }

  private Object canCreatePrimary(Call call) {
    String recipeUserId = call.query().string("recipeUserId");
    boolean was = linking.canCreatePrimary(call.tenant().appId(), recipeUserId);
    return Json.ok().put("wasAlreadyAPrimaryUser", was);
  }

  private Object createPrimary(Call call) {
    String recipeUserId = call.body().string("recipeUserId");
    Primary primary = linking.createPrimary(call.tenant().appId(), recipeUserId);
    ObjectNode out = Json.ok().put("wasAlreadyAPrimaryUser", primary.wasAlreadyPrimary());
    out.set("user", UserView.linkedAt(call.cdi()).of(primary.user()));
    return out;
  }

  private Object canLink(Call call) {
    String recipeUserId = call.query().string("recipeUserId");
    String primaryUserId = call.query().string("primaryUserId");
    boolean linked = linking.canLink(call.tenant().appId(), recipeUserId, primaryUserId);
    return Json.ok().put("accountsAlreadyLinked", linked);
  }

  private Object link(Call call) {
    String recipeUserId = call.body().string("recipeUserId");
    String primaryUserId = call.body().string("primaryUserId");
    Linked linked = linking.link(call.tenant().appId(), recipeUserId, primaryUserId);
    ObjectNode out = Json.ok().put("accountsAlreadyLinked", linked.alreadyLinked());
    out.set("user", UserView.linkedAt(call.cdi()).of(linked.user()));
    return out;
  }

  private Object unlink(Call call) {
    String recipeUserId = call.body().string("recipeUserId");
    Unlinked unlinked = linking.unlink(call.tenant().appId(), recipeUserId);
    return Json.ok()
        .put("wasRecipeUserDeleted", unlinked.recipeUserDeleted())
        .put("wasLinked", unlinked.wasLinked());
  }
}
