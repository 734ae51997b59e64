/**
 * The SMS centre's SMPP 3.4 server on jSMPP: binds checked against the ESME accounts, submit_sm
 * handed to the centre (answered once stored), and deliver_sm for what the centre owes bound
 * receivers (delivery receipts, messages to their short codes). Only this package knows jSMPP.
 */
package org.telco.sms.smpp;
