package org.telco.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reference {@link HlrStore}: lines and the command log in maps, guarded by the monitor. */
public final class InMemoryHlrStore implements HlrStore {
  private final Map<String, LineStatus> lines = new HashMap<>();
  private final Map<String, AppliedCommand> commands = new HashMap<>();
  private final Map<String, List<AppliedCommand>> logs = new HashMap<>();

  @Override
  public synchronized LineStatus line(String msisdn) {
    return lines.getOrDefault(msisdn, LineStatus.fresh(msisdn));
  }

  @Override
  public synchronized Optional<AppliedCommand> applied(String commandId) {
    return Optional.ofNullable(commands.get(commandId));
  }

  @Override
  public synchronized AppliedCommand append(AppliedCommand applied) {
    AppliedCommand earlier = commands.putIfAbsent(applied.command().commandId(), applied);
    if (earlier != null) {
      return earlier;
    }
    String msisdn = applied.lineAfter().msisdn();
    logs.computeIfAbsent(msisdn, key -> new ArrayList<>()).add(applied);
    lines.put(msisdn, applied.lineAfter());
    return applied;
  }

  @Override
  public synchronized void saveLine(LineStatus line) {
    lines.put(line.msisdn(), line);
  }

  @Override
  public synchronized List<AppliedCommand> log(String msisdn) {
    return List.copyOf(logs.getOrDefault(msisdn, List.of()));
  }
}
