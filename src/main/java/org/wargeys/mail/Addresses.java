package org.wargeys.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** What a form may accept as an email address: one plain address, no name, a dotted domain. Stateless. */
public final class Addresses {

    private Addresses() {}

    /** The address in lower case, or null when it is not one we can send to. */
    public static String parse(String text) {
        if (text == null) return null;
        String s = text.strip();
        if (s.isEmpty() || s.length() > 254) return null;
        try {
            InternetAddress address = new InternetAddress(s, true);
            if (address.getPersonal() != null || !address.getAddress().equals(s)) return null;
            int at = s.lastIndexOf('@');
            if (at < 1 || s.indexOf('.', at) < 0 || s.endsWith(".")) return null;
            return MailOutbox.normalized(s);
        } catch (AddressException e) {
            return null;
        }
    }
}
