package org.telco.web;

/** A call to another node failed: unreachable (status 0) or answered with an error. */
public final class PeerCallException extends RuntimeException {
  private final String peer;
  private final int status;
  private final String answer;

  /** Describes the failed call; {@code answer} is the peer's problem body, if any. */
  public PeerCallException(String peer, int status, String answer) {
    super("call to " + peer + " failed with status " + status + ": " + answer);
    this.peer = peer;
    this.status = status;
    this.answer = answer == null ? "" : answer;
  }

  /** The peer's answer body (a problem), or "" when there was none. */
  public String answer() {
    return answer;
  }

  /** The peer called. */
  public String peer() {
    return peer;
  }

  /** The HTTP status, or 0 if the peer was not reached. */
  public int status() {
    return status;
  }
}
