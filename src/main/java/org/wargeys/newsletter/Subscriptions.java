package org.wargeys.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wargeys.article.Taxonomy;
import org.wargeys.mail.Addresses;
import org.wargeys.mail.MailOutbox;
import org.wargeys.platform.Site;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * Readers' subscriptions, each use case one transaction: subscribing to breaking-news alerts, the
 * daily digest or both (double opt-in: a confirmation link by mail, queued on the same transaction),
 * confirming, changing those choices and the sections, unsubscribing (the row is deleted) and the
 * export of what is stored. The form's answer is the same whatever happened (a
 * bot's honeypot, an address already on the list, a second request within {@link #COOLDOWN} or past
 * {@link #CONFIRMATIONS_A_DAY}, a suppressed address), so the form tells nobody who subscribes. Thread-safe.
 */
public final class Subscriptions {

    /** No second confirmation mail to an address within this time. */
    static final Duration COOLDOWN = Duration.ofMinutes(10);

    /** At most this many confirmation mails to one address a day, whatever the cooldown allows. */
    static final int CONFIRMATIONS_A_DAY = 3;

    /** How long a confirmation link works (and an unconfirmed subscriber is kept). */
    static final Duration CONFIRM_FOR = Duration.ofDays(7);

    private final Transactions transactions;
    private final SubscriberRepository repository = new SubscriberRepository();
    private final LinkSigner signer;
    private final MailOutbox outbox;
    private final NewsletterMails mails;
    private final Taxonomy taxonomy;
    private final Site site;
    private final Clock clock;

    Subscriptions(
            Transactions transactions,
            LinkSigner signer,
            MailOutbox outbox,
            NewsletterMails mails,
            Taxonomy taxonomy,
            Site site,
            Clock clock) {
        this.transactions = transactions;
        this.signer = signer;
        this.outbox = outbox;
        this.mails = mails;
        this.taxonomy = taxonomy;
        this.site = site;
        this.clock = clock;
    }

    /** What a reader asked to be sent: breaking-news alerts, the daily digest; at least one of the two. */
    public record Choice(boolean alerts, boolean digest) {

        /** What the form promised before readers could choose: "Get breaking news from {site} by email". */
        public static final Choice ALERTS = new Choice(true, false);

        public boolean any() {
            return alerts || digest;
        }
    }

    /** Confirmed subscribers of one language: all of them, those who get alerts, those who get the digest. */
    public record Counts(int confirmed, int alerts, int digest) {}

    /**
     * A reader asked to subscribe. Throws a {@link ValidationException} for an address we cannot send
     * to, or when neither alerts nor the digest was chosen; otherwise the answer is the same whatever
     * was done.
     *
     * @param honeypot the field people never see: filled in, it was a bot, and nothing is done
     */
    public void subscribe(
            String language, String addressText, List<String> sections, Choice choice, String source, String honeypot) {
        site.languageOrNotFound(language);
        String address = Addresses.parse(addressText);
        var problems = ValidationException.collector();
        if (address == null) problems.add("email", "newsletter.error.email");
        if (!choice.any()) problems.add("choice", "newsletter.error.choose");
        problems.throwIfAny();
        if (honeypot != null && !honeypot.isBlank()) return;
        String chosen = String.join(" ", known(language, sections));
        String from = sourcePath(source);
        long now = clock.millis();
        transactions.run(tx -> {
            var h = tx.handle();
            if (outbox.suppressed(h, address)) return;
            int today = h.createQuery("""
                            SELECT COUNT(*) FROM mail_outbox
                            WHERE recipient = :a AND kind = 'newsletter-confirm' AND created_at > :since""")
                    .bind("a", address)
                    .bind("since", now - Duration.ofDays(1).toMillis())
                    .mapTo(Integer.class)
                    .one();
            if (today >= CONFIRMATIONS_A_DAY) return;
            Optional<Subscriber> existing = repository.find(h, address, language);
            long id;
            if (existing.isPresent()) {
                Subscriber s = existing.get();
                if (s.confirmed()) return; // already on the list: their preferences link changes choices
                long sentAt = repository.confirmationSentAt(h, s.id()).orElse(0L);
                if (now - sentAt < COOLDOWN.toMillis()) return;
                h.createUpdate("""
                                UPDATE subscribers SET sections = :sections, alerts = :alerts, digest = :digest,
                                    source = :source, confirmation_sent_at = :now
                                WHERE id = :id""")
                        .bind("sections", chosen)
                        .bind("alerts", choice.alerts() ? 1 : 0)
                        .bind("digest", choice.digest() ? 1 : 0)
                        .bind("source", from)
                        .bind("now", now)
                        .bind("id", s.id())
                        .execute();
                id = s.id();
            } else {
                id = h.createQuery("""
                                INSERT INTO subscribers (address, language, sections, alerts, digest, status, source,
                                    created_at, confirmation_sent_at)
                                VALUES (:address, :language, :sections, :alerts, :digest, 'pending', :source, :now, :now)
                                RETURNING id""")
                        .bind("address", address)
                        .bind("language", language)
                        .bind("sections", chosen)
                        .bind("alerts", choice.alerts() ? 1 : 0)
                        .bind("digest", choice.digest() ? 1 : 0)
                        .bind("source", from)
                        .bind("now", now)
                        .mapTo(Long.class)
                        .one();
            }
            String token = signer.sign(h, LinkSigner.Purpose.CONFIRM, id, address, now + CONFIRM_FOR.toMillis());
            outbox.queue(tx, mails.confirmation(language, address, choice, token));
        });
    }

    /** Follows a confirmation link: the subscriber, now confirmed; empty for a link that is not valid. */
    public Optional<Subscriber> confirm(String token) {
        var parsed = LinkSigner.parse(token);
        if (parsed.isEmpty()) return Optional.empty();
        long now = clock.millis();
        return transactions.write(tx -> {
            var h = tx.handle();
            Optional<Subscriber> found = repository.find(h, parsed.get().subscriberId());
            if (found.isEmpty()
                    || !signer.valid(
                            h,
                            LinkSigner.Purpose.CONFIRM,
                            parsed.get(),
                            found.get().address())
                    || parsed.get().expiresAt() < now) return Optional.<Subscriber>empty();
            if (!found.get().confirmed()) {
                h.createUpdate("UPDATE subscribers SET status = 'confirmed', consented_at = :now WHERE id = :id")
                        .bind("now", now)
                        .bind("id", found.get().id())
                        .execute();
            }
            return repository.find(h, found.get().id());
        });
    }

    /** The subscriber a preferences or unsubscribe link names; empty for one that is not valid (any more). */
    public Optional<Subscriber> manage(String token) {
        var parsed = LinkSigner.parse(token);
        if (parsed.isEmpty()) return Optional.empty();
        return transactions.write(tx -> repository
                .find(tx.handle(), parsed.get().subscriberId())
                .filter(s -> signer.valid(tx.handle(), LinkSigner.Purpose.MANAGE, parsed.get(), s.address())));
    }

    /**
     * Saves what was chosen on the preferences page; empty for a link that is not valid. Neither alerts
     * nor the digest is no subscription: the page unsubscribes ({@link #unsubscribe}); here it is refused.
     */
    public Optional<Subscriber> choose(String token, List<String> sections, Choice choice) {
        if (!choice.any()) throw ValidationException.of("choice", "newsletter.error.choose");
        return transactions.write(tx -> manage(token).map(s -> {
            tx.handle()
                    .createUpdate(
                            "UPDATE subscribers SET sections = :sections, alerts = :alerts, digest = :digest WHERE id = :id")
                    .bind("sections", String.join(" ", known(s.language(), sections)))
                    .bind("alerts", choice.alerts() ? 1 : 0)
                    .bind("digest", choice.digest() ? 1 : 0)
                    .bind("id", s.id())
                    .execute();
            return repository.find(tx.handle(), s.id()).orElseThrow();
        }));
    }

    /**
     * Unsubscribes (RFC 8058 one-click, or the button): the row is deleted, nothing about the reader
     * is kept. Returns whether someone was unsubscribed; a link used twice answers false.
     */
    public boolean unsubscribe(String token) {
        return transactions.write(tx -> manage(token)
                .map(s -> tx.handle()
                                .createUpdate("DELETE FROM subscribers WHERE id = :id")
                                .bind("id", s.id())
                                .execute()
                        == 1)
                .orElse(false));
    }

    /** The link that manages a subscription (preferences, export, unsubscribe); it does not expire. */
    String manageToken(Subscriber s) {
        return transactions.write(tx -> signer.sign(tx.handle(), LinkSigner.Purpose.MANAGE, s.id(), s.address(), 0));
    }

    /** Confirmed subscribers per language, in the site's language order (every language listed). */
    public Map<String, Counts> confirmedPerLanguage() {
        Map<String, Counts> counts = new LinkedHashMap<>();
        site.languages().forEach(l -> counts.put(l.code(), new Counts(0, 0, 0)));
        transactions.run(tx -> tx.handle()
                .createQuery("""
                        SELECT language, COUNT(*), SUM(alerts), SUM(digest) FROM subscribers
                        WHERE status = 'confirmed' GROUP BY language""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** Deletes subscriptions never confirmed once their link has expired (nothing kept without consent). */
    int forgetUnconfirmed() {
        return transactions.write(tx -> tx.handle()
                .createUpdate("DELETE FROM subscribers WHERE status = 'pending' AND confirmation_sent_at < :before")
                .bind("before", clock.millis() - CONFIRM_FOR.toMillis())
                .execute());
    }

    /** The site path of the form's page (given as a path or as the page's absolute URL). */
    private String sourcePath(String source) {
        if (source == null) return "/";
        String s = source.strip();
        if (s.startsWith(site.baseUrl())) s = s.substring(site.baseUrl().length());
        if (!s.startsWith("/") || s.startsWith("//") || s.length() > 300) return "/";
        return s;
    }

    private List<String> known(String language, List<String> sections) {
        if (sections == null || sections.isEmpty()) return List.of();
        Set<String> keys = new java.util.HashSet<>();
        taxonomy.sections(language).forEach(t -> keys.add(t.key()));
        return sections.stream().filter(keys::contains).distinct().sorted().toList();
    }
}
