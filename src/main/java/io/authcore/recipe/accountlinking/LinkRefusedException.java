package io.authcore.recipe.accountlinking;

import io.authcore.recipe.Status;
import io.authcore.storage.UserStore.AuthUser;

/**
 * A primary-user or link request the rules refuse: the status, the primary user in the way (as
 * shown: its external id when mapped), the original's description, and that primary user's group.
 */
public final class LinkRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status status;
  private final String primaryUserId;
  private final transient AuthUser user;

  LinkRefusedException(Status status, AuthUser user, String description) {
    super(description, null, false, false);
    this.status = status;
    this.user = user;
    this.primaryUserId = user.externalId() != null ? user.externalId() : user.id();
  }

  public Status status() {
    return status;
  }

  public String primaryUserId() {
    return primaryUserId;
  }

  public AuthUser user() {
    return user;
  }
}
