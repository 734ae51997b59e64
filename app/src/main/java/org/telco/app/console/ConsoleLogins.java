package org.telco.app.console;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.telco.subscriber.ServicePassword;

/**
 * The console logins of one node, kept only as PBKDF2 keys of their passwords (the same derivation
 * as subscribers' service passwords). The keys are derived on a virtual thread when the node
 * starts, so that a start does not wait for the slow hash; the first login waits for it if needed.
 * A check of an unknown user costs the same hash, so timing does not reveal which users exist.
 */
public final class ConsoleLogins {
  private final Map<String, Login> byUser;
  private final ServicePassword decoy;

  /**
   * One login as configured.
   *
   * @param user the login name
   * @param role what it may do
   * @param password its password in clear, as read from the credentials file
   */
  public record Account(String user, Role role, String password) {
    /** Shows the user and role only. */
    @Override
    public String toString() {
      return "Account[" + user + ", " + role + "]";
    }
  }

  private record Login(Role role, CompletableFuture<ServicePassword> key) {}

  private ConsoleLogins(Map<String, Login> byUser, ServicePassword decoy) {
    this.byUser = byUser;
    this.decoy = decoy;
  }

  /** Logins for these accounts; their keys are derived in the background. */
  public static ConsoleLogins of(List<Account> accounts) {
    SecureRandom random = new SecureRandom();
    var derivers = Executors.newVirtualThreadPerTaskExecutor();
    Map<String, Login> byUser =
        accounts.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Account::user,
                    account ->
                        new Login(
                            account.role(),
                            CompletableFuture.supplyAsync(
                                () -> derive(account.password(), random), derivers))));
    derivers.shutdown();
    byte[] salt = new byte[ServicePassword.SALT_BYTES];
    random.nextBytes(salt);
    return new ConsoleLogins(
        byUser, ServicePassword.derive("no such user".toCharArray(), salt, iterations()));
  }

  /** The role of {@code user} if {@code password} is theirs. */
  public Optional<Role> check(String user, String password) {
    Login login = byUser.get(user);
    if (login == null) {
      decoy.matches(password.toCharArray());
      return Optional.empty();
    }
    return login.key().join().matches(password.toCharArray())
        ? Optional.of(login.role())
        : Optional.empty();
  }

  private static ServicePassword derive(String password, SecureRandom random) {
    byte[] salt = new byte[ServicePassword.SALT_BYTES];
    random.nextBytes(salt);
    return ServicePassword.derive(password.toCharArray(), salt, iterations());
  }

  /**
   * A tenth of the iterations of subscribers' passwords: the console passwords are generated random
   * strings, not chosen by people, and every login pays the hash once.
   */
  private static int iterations() {
    return ServicePassword.ITERATIONS_DEFAULT / 10;
  }
}
