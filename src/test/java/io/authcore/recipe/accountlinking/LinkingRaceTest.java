package io.authcore.recipe.accountlinking;

import static io.authcore.recipe.accountlinking.LinkingFixture.status;
import static io.authcore.recipe.accountlinking.LinkingFixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Requests racing to give one email to two primary users: however they interleave, exactly one wins
 * and the others get the status they would get one after the other.
 */
class LinkingRaceTest extends ServerOnEachBackend {
  static final int RACERS = 6;
  final ExecutorService pool = Executors.newFixedThreadPool(RACERS);
  LinkingFixture users;

  @BeforeEach
  void fixture() {
    users = new LinkingFixture(http);
  }

  @AfterAll
  void stopPool() {
    pool.shutdownNow();
  }

  @RepeatedTest(3)
  void usersWithOneEmailRaceToBecomePrimary() throws Exception {
    String email = unique("race") + "@ex.com";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      ids.add(users.thirdParty(unique("g"), email)); // third-party emails need not be unique
    }
    List<Supplier<Reply>> calls = new ArrayList<>();
    ids.forEach(id -> calls.add(() -> users.createPrimary(id)));
    oneWins(race(calls), "ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR");
  }

  @RepeatedTest(3)
  void twoPrimaryUsersRaceForOneRecipeUser() throws Exception {
    String recipe = users.thirdParty(unique("g"), unique("r") + "@ex.com");
    List<Supplier<Reply>> calls = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      String primary = users.emailPassword(unique("p") + "@ex.com");
      assertEquals("OK", status(users.createPrimary(primary)));
      calls.add(() -> users.link(recipe, primary));
    }
    oneWins(race(calls), "RECIPE_USER_ID_ALREADY_LINKED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR");
  }

  @RepeatedTest(3)
  void linksRaceWithPrimaryUsersForOneEmail() throws Exception {
    String email = unique("x") + "@ex.com";
    List<Supplier<Reply>> calls = new ArrayList<>();
    for (int i = 0; i < RACERS / 2; i++) {
      String primary = users.emailPassword(unique("p") + "@ex.com");
      assertEquals("OK", status(users.createPrimary(primary)));
      String member = users.thirdParty(unique("g"), email);
      String loner = users.thirdParty(unique("g"), email);
      calls.add(() -> users.link(member, primary));
      calls.add(() -> users.createPrimary(loner));
    }
    oneWins(race(calls), "ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR");
    Reply holders =
        http.get(
            "/users/by-accountinfo?email=" + email + "&doUnionOfAccountInfo=false",
            LinkingFixture.CDI);
    long primaries = 0;
    for (var u : holders.json().get("users")) {
      primaries += u.get("isPrimaryUser").asBoolean() ? 1 : 0;
    }
    assertEquals(1, primaries, holders.body());
  }

  List<String> race(List<Supplier<Reply>> calls) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Reply>> replies = new ArrayList<>();
    for (Supplier<Reply> call : calls) {
      replies.add(
          pool.submit(
              () -> {
                start.await();
                return call.get();
              }));
    }
    start.countDown();
    List<String> statuses = new ArrayList<>();
    for (Future<Reply> reply : replies) {
      Reply r = reply.get();
      assertEquals(200, r.status(), r.body());
      statuses.add(status(r));
    }
    return statuses;
  }

  /** One OK; every other racer refused with {@code refusal}. */
  static void oneWins(List<String> statuses, String refusal) {
    assertEquals(1, count(statuses, "OK"), statuses.toString());
    assertEquals(RACERS - 1, count(statuses, refusal), statuses.toString());
  }

  static long count(List<String> statuses, String status) {
    return statuses.stream().filter(status::equals).count();
  }
}
