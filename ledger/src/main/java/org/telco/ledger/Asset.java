package org.telco.ledger;

/**
 * What an account counts, always in its smallest unit.
 *
 * <p>A transfer moves one asset only: both of its accounts must hold the same asset, so
 * conservation (total debits equal total credits) holds per asset.
 */
public enum Asset {
  /** Chinese yuan counted in fen (1/100 yuan). */
  CNY_FEN,
  /** Mobile data counted in bytes. */
  DATA_BYTES
}
