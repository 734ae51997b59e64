#!/usr/bin/perl
# An ESME that is neither Java nor ours: Debian's Net::SMPP binds as transceiver, submits one
# message asking for a delivery receipt, waits for the receipt, answers it and unbinds.
# Usage: net-smpp-client.pl PORT SYSTEM_ID PASSWORD SOURCE DESTINATION TEXT
use strict;
use warnings;
use Net::SMPP;

my ($port, $system_id, $password, $source, $destination, $text) = @ARGV;
$SIG{ALRM} = sub { print "timeout\n"; exit 3 };
alarm 30;

# In list context Net::SMPP also returns the bind_transceiver_resp; in scalar context it returns
# the connection even when the bind was refused.
my ($smpp, $bound) = Net::SMPP->new_transceiver(
    '127.0.0.1',
    port => $port,
    system_id => $system_id,
    password => $password,
    smpp_version => 0x34,
);
if (!$smpp || !$bound || $bound->{status}) {
    printf "bind refused, status 0x%02x\n", $bound ? $bound->{status} : 0;
    exit 2;
}
print "bound\n";

my $resp = $smpp->submit_sm(
    source_addr => $source,
    destination_addr => $destination,
    short_message => $text,
    registered_delivery => 1,
) or die "no submit_sm_resp\n";
die "submit_sm refused, status $resp->{status}\n" if $resp->{status};
print "message_id=$resp->{message_id}\n";

while (1) {
    my $pdu = $smpp->read_pdu() or die "connection lost\n";
    if ($pdu->{cmd} == Net::SMPP::CMD_deliver_sm) {
        $smpp->deliver_sm_resp(seq => $pdu->{seq}, message_id => '');
        print "receipt=$pdu->{short_message}\n";
        last;
    }
    if ($pdu->{cmd} == Net::SMPP::CMD_enquire_link) {
        $smpp->enquire_link_resp(seq => $pdu->{seq});
    }
}
$smpp->unbind();
print "unbound\n";
