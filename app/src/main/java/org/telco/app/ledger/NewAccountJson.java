package org.telco.app.ledger;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.NewAccount;
import org.telco.web.Problem;

/**
 * A request to open an account, as decoded from JSON; {@link #toDomain} checks each field and names
 * the first bad one.
 *
 * @param id positive account id
 * @param asset CNY_FEN or DATA_BYTES
 * @param flags limit flags, may be absent
 * @param name label, may be absent
 */
record NewAccountJson(Long id, String asset, List<String> flags, String name) {
  NewAccount toDomain() {
    if (id == null || id <= 0) {
      throw Problem.invalidField("id", "id must be a positive integer").toException();
    }
    Asset parsedAsset = Fields.enumValue(Asset.class, asset, "asset");
    Set<AccountFlag> parsedFlags = EnumSet.noneOf(AccountFlag.class);
    for (int i = 0; flags != null && i < flags.size(); i++) {
      parsedFlags.add(Fields.enumValue(AccountFlag.class, flags.get(i), "flags[" + i + "]"));
    }
    if (parsedFlags.size() > 1) {
      throw Problem.invalidField("flags", "an account takes at most one limit flag").toException();
    }
    String label = name == null ? "" : name;
    if (label.length() > NewAccount.NAME_LENGTH_MAX) {
      throw Problem.invalidField("name", "name is longer than " + NewAccount.NAME_LENGTH_MAX)
          .toException();
    }
    return new NewAccount(new AccountId(id), parsedAsset, parsedFlags, label);
  }
}
