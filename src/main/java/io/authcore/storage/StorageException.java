package io.authcore.storage;

/** A database fault. The web layer answers it with a 500 and logs it; clients never see SQL. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
