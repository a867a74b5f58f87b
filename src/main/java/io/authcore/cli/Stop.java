package io.authcore.cli;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code supertokens stop [--id=PID]}: SIGTERM to every (or one) running instance, then waits for
 * it to finish its shutdown, so a script can start a new one on the same port right after.
 */
final class Stop implements Command {
  private static final long WAIT_SECONDS = 60;

  private final Installation installation;

  Stop(Installation installation) {
    this.installation = installation;
  }

  @Override
  public String listing() {
    return "stop [options]";
  }

  @Override
  public String usage() {
    return "supertokens stop [--id=<PID>]";
  }

  @Override
  public String description() {
    return "Stops all (if no options are provided) or one specific instance of SuperTokens";
  }

  @Override
  public List<Option> options() {
    return List.of(
        new Option(
            "--id",
            "Stop an instance of SuperTokens that has a specific PID. An instance's PID can be"
                + " obtained via the \"supertokens list\" command. Example: \"--id=7634\""));
  }

  @Override
  public int run(Options options) {
    Optional<String> id = options.nonEmpty("--id");
    List<StartedFiles.Instance> running;
    try {
      running = RunningInstances.in(installation.startedFiles(options.nonEmpty("--with-temp-dir")));
    } catch (IOException e) {
      Console.err("Could not stop SuperTokens instances. Please try again");
      return 1;
    }
    if (running.isEmpty()) {
      Console.out("No SuperTokens instances are running.");
      return 0;
    }
    List<StartedFiles.Instance> targets =
        id.map(pid -> running.stream().filter(i -> Long.toString(i.pid()).equals(pid)).toList())
            .orElse(running);
    if (targets.isEmpty()) {
      Console.out(
          "Unknown PID: "
              + id.get()
              + ". Please use \"supertokens list\" to list all currently running instances along"
              + " with their PIDs");
      return 1;
    }
    boolean all = true;
    for (StartedFiles.Instance instance : targets) {
      all &= stop(instance);
    }
    if (!all) {
      Console.out("Failed to stop all SuperTokens instances. Try again with root permissions.");
      return 1;
    }
    return 0;
  }

  private static boolean stop(StartedFiles.Instance instance) {
    String which = "PID " + instance.pid() + ", running on " + instance.address();
    boolean stopped = ProcessHandle.of(instance.pid()).map(Stop::terminateAndWait).orElse(true);
    if (!stopped) {
      Console.err("Failed to stop SuperTokens with " + which);
      return false;
    }
    // Its shutdown hook removed the file; Windows kills without running hooks.
    StartedFiles.delete(instance.file());
    Console.out("Successfully stopped SuperTokens with " + which);
    return true;
  }

  private static boolean terminateAndWait(ProcessHandle process) {
    if (!process.isAlive()) {
      return true;
    }
    if (!process.destroy()) {
      return false; // not ours to signal: another user's process
    }
    try {
      process.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
