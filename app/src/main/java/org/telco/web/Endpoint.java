package org.telco.web;

/** A handler that takes a decoded call and returns a reply or throws a {@link Problem}. */
@FunctionalInterface
public interface Endpoint {
  /** Handles the call. */
  Reply handle(Call call);
}
