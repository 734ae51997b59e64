package org.telco.app.network;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.List;
import org.telco.network.AppliedCommand;
import org.telco.network.LineStatus;
import org.telco.network.NetworkCommands;
import org.telco.network.SimulatedHlr;
import org.telco.web.Access;
import org.telco.web.Call;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * A window into the HLR simulator for operators and tests: a line's status and the commands it
 * applied, so one can see that a bar or unbar sent through the outbox really reached the network.
 */
public final class NetworkAdminRoutes implements HttpService {
  private final SimulatedHlr hlr;
  private final Endpoints endpoints;

  /** Routes over the operator's simulated HLR. */
  public NetworkAdminRoutes(SimulatedHlr hlr, Endpoints endpoints) {
    this.hlr = hlr;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/admin/network/lines/{msisdn}", endpoints.handler(Access.ADMIN, this::line));
  }

  private Reply line(Call call) {
    String msisdn = call.pathParameter("msisdn");
    LineStatus line;
    List<AppliedCommand> log;
    try {
      line = hlr.status(msisdn);
      log = hlr.commandLog(msisdn);
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField("msisdn", e.getMessage()).toException();
    }
    return Reply.ok(
        new LineJson(
            line.msisdn(),
            line.barred(),
            line.dataSessionsActive(),
            line.lastCommandId(),
            log.stream().map(CommandJson::of).toList()));
  }

  /**
   * A line and its command log, oldest command first.
   *
   * @param msisdn the number
   * @param barred whether the network refuses service
   * @param dataSessionsActive open data sessions
   * @param lastCommandId the last command applied, absent for a fresh line
   * @param commands the commands applied to it
   */
  record LineJson(
      String msisdn,
      boolean barred,
      int dataSessionsActive,
      String lastCommandId,
      List<CommandJson> commands) {}

  /**
   * One applied command.
   *
   * @param commandId its idempotency key
   * @param kind bar, unbar or terminate-data-sessions
   * @param appliedAt when the simulator applied it
   * @param barredAfter whether the line was barred afterwards
   */
  record CommandJson(String commandId, String kind, String appliedAt, boolean barredAfter) {
    static CommandJson of(AppliedCommand applied) {
      return new CommandJson(
          applied.command().commandId(),
          NetworkCommands.kind(applied.command()),
          applied.appliedAt().toString(),
          applied.lineAfter().barred());
    }
  }
}
