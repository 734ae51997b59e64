-- The built-in network: the simulated HLR/PCF (org.telco.network.SimulatedHlr, stored by
-- org.telco.storage.network.PgHlrStore) and the handset inboxes filled by the built-in SMS
-- sender (org.telco.messaging.InboxSmsSender, stored by
-- org.telco.storage.messaging.PgHandsetInbox).

-- How each line stands. A line without a row is open with no data sessions.
-- last_command_id is NULL until the first command.
CREATE TABLE network_line (
  msisdn               text    PRIMARY KEY,
  barred               boolean NOT NULL,
  data_sessions_active int     NOT NULL CHECK (data_sessions_active >= 0),
  last_command_id      text
);

-- The append-only command log: every applied command once (command_id is the idempotency
-- key), with the line as it left it. seq is the order of application.
-- kind is NetworkCommands.kind(); only bars have a reason.
CREATE TABLE network_command (
  command_id          text        PRIMARY KEY,
  seq                 bigint      GENERATED ALWAYS AS IDENTITY,
  msisdn              text        NOT NULL,
  kind                text        NOT NULL
                                  CHECK (kind IN ('bar', 'unbar', 'terminate-data-sessions')),
  reason              text        CHECK ((kind = 'bar') = (reason IS NOT NULL)),
  applied_at          timestamptz NOT NULL,
  barred_after        boolean     NOT NULL,
  data_sessions_after int         NOT NULL CHECK (data_sessions_after >= 0)
);

-- commandLog(msisdn): one line's commands in order.
CREATE INDEX network_command_line ON network_command (msisdn, seq);

-- Short messages as the handsets received them (org.telco.messaging.SmsMessage); id is the
-- idempotency key, seq the delivery order that breaks ties between messages of one instant.
CREATE TABLE handset_message (
  id        text        PRIMARY KEY,
  seq       bigint      GENERATED ALWAYS AS IDENTITY,
  sender    text        NOT NULL,
  recipient text        NOT NULL,
  body      text        NOT NULL,
  sent_at   timestamptz NOT NULL
);

-- messagesFor(msisdn, limit): one handset's newest messages first.
CREATE INDEX handset_message_inbox ON handset_message (recipient, sent_at DESC, seq DESC);
