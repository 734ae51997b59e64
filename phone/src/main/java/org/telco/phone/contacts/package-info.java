/**
 * The handset's address book as the autopay agent (flow F2) uses it: the contacts of a vCard file
 * with their mobile numbers ({@link org.telco.phone.contacts.AddressBook}, {@link
 * org.telco.phone.contacts.Contact}, {@link org.telco.phone.contacts.MobileNumber}), and the same
 * file written back with each contact's autopay group and colour ({@link
 * org.telco.phone.contacts.ContactMark}), changing no other byte.
 *
 * <p>This is a terminal-side library: it depends on no other Telco module. See {@code
 * docs/phone.md}.
 */
package org.telco.phone.contacts;
