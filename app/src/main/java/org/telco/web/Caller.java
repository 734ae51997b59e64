package org.telco.web;

/**
 * Who made an authenticated call.
 *
 * @param access the access level proven
 * @param name the key's owner or the peer node's name; "anonymous" for public calls
 */
public record Caller(Access access, String name) {
  /** The caller of a public endpoint. */
  public static final Caller ANONYMOUS = new Caller(Access.PUBLIC, "anonymous");
}
