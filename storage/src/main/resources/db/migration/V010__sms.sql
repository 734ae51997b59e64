-- The SMS centre's messages (org.telco.sms.MessageRecord and what is owed to ESMEs), written by
-- org.telco.storage.sms.PgSmsStore. A message is a row before its sender hears it was
-- accepted; id (ShortMessage.id(), the centre's message id) is the idempotency key of every
-- write, so a step repeated after a crash changes nothing. A message delivered into a handset
-- inbox is also a handset_message row (V006) with the same id, inserted in the same
-- transaction as its step.
--
-- seq is the acceptance order: toRoute and awaitingPeer give the oldest first, messagesOf the
-- newest first. origin is Origin.encoded() (esme:<system_id>, handset:<msisdn>,
-- service:<name>, peer:<operator>); sender, recipient, body and receipt_requested are the
-- message's from, to, text and receiptRequested. state is MessageState by name; route is
-- Route.describe() (handset, peer:beta, esme:bank1, service:10086, none:<reason>), NULL until
-- the message is routed; updated_at is when the state last changed (accepted_at at first).
--
-- owed_to/owed_kind is what the centre owes an ESME over deliver_sm after the latest step:
-- the ESME's system_id and EsmeDelivery.Kind by name, both NULL when nothing is owed. Each step
-- replaces it; handing it over clears it. owed_seq (from sms_owed_serial) is the order in which
-- it became owed, so owedTo gives the oldest debt first, which need not be acceptance order.
-- Timestamps keep microseconds, the resolution of timestamptz.
CREATE TABLE sms_message (
  id                text        PRIMARY KEY,
  seq               bigint      GENERATED ALWAYS AS IDENTITY,
  origin            text        NOT NULL,
  sender            text        NOT NULL,
  recipient         text        NOT NULL,
  body              text        NOT NULL,
  receipt_requested boolean     NOT NULL,
  accepted_at       timestamptz NOT NULL,
  state             text        NOT NULL CHECK (state IN ('ACCEPTED', 'AWAITING_PEER',
                                  'AWAITING_RECEIVER', 'DELIVERED', 'UNDELIVERABLE')),
  route             text,
  updated_at        timestamptz NOT NULL,
  owed_to           text,
  owed_kind         text        CHECK (owed_kind IN ('MOBILE_ORIGINATED', 'RECEIPT')),
  owed_seq          bigint,
  CHECK ((owed_to IS NULL) = (owed_kind IS NULL) AND (owed_to IS NULL) = (owed_seq IS NULL))
);

CREATE SEQUENCE sms_owed_serial;

-- toRoute(limit): the dispatcher's query. Routed messages drop out.
CREATE INDEX sms_message_to_route ON sms_message (seq) WHERE state = 'ACCEPTED';

-- awaitingPeer(peer, limit): what waits for one peer's centre, by route peer:<operator>.
CREATE INDEX sms_message_awaiting_peer ON sms_message (route, seq)
  WHERE state = 'AWAITING_PEER';

-- owedTo(systemId, limit): the SMPP deliverer's query. Rows drop out once handed over.
CREATE INDEX sms_message_owed ON sms_message (owed_to, owed_seq) WHERE owed_to IS NOT NULL;

-- messagesOf(address, limit): newest first, from either side.
CREATE INDEX sms_message_sender ON sms_message (sender, seq);
CREATE INDEX sms_message_recipient ON sms_message (recipient, seq);
