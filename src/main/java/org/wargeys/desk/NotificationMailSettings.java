package org.wargeys.desk;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Site;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * What each staff member wants by mail: which kinds of notification, and in which newsroom language.
 * Without a choice of their own, every kind comes, in the site's first language; the language follows
 * the one they last chose in the newsroom. Thread-safe.
 */
public final class NotificationMailSettings {

    /** One staff member's choice. Immutable. */
    public record Choice(String language, Set<NotificationKind> mailed) {
        public Choice {
            mailed = mailed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mailed));
        }

        public boolean mails(NotificationKind kind) {
            return mailed.contains(kind);
        }
    }

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final Site site;
    private final Clock clock;

    NotificationMailSettings(Jdbi jdbi, Transactions transactions, Site site, Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.site = site;
        this.clock = clock;
    }

    public Choice of(long userId) {
        return jdbi.withHandle(h -> of(h, userId));
    }

    Choice of(Handle h, long userId) {
        return h.createQuery("SELECT language, muted FROM notification_mail_settings WHERE user_id = :u")
                .bind("u", userId)
                .map((rs, ctx) -> new Choice(known(rs.getString(1)), mailed(rs.getString(2))))
                .findOne()
                .orElseGet(() -> new Choice(site.defaultLanguage().code(), EnumSet.allOf(NotificationKind.class)));
    }

    /** Saves the staff member's own choice (the settings page). */
    public void save(long userId, String language, Set<NotificationKind> mailed) {
        if (language == null || site.language(language).isEmpty())
            throw ValidationException.of("language", "desk.mail.error.language");
        EnumSet<NotificationKind> muted = EnumSet.allOf(NotificationKind.class);
        muted.removeAll(mailed);
        String text = muted.stream().map(NotificationKind::code).collect(Collectors.joining(" "));
        transactions.run(tx -> upsert(tx.handle(), userId, language, text));
    }

    /** The staff member chose this language for the newsroom: their mail follows it. */
    public void rememberLanguage(long userId, String language) {
        if (site.language(language).isEmpty()) return;
        transactions.run(tx -> {
            Choice current = of(tx.handle(), userId);
            EnumSet<NotificationKind> muted = EnumSet.allOf(NotificationKind.class);
            muted.removeAll(current.mailed());
            upsert(
                    tx.handle(),
                    userId,
                    language,
                    muted.stream().map(NotificationKind::code).collect(Collectors.joining(" ")));
        });
    }

    private void upsert(Handle h, long userId, String language, String muted) {
        h.createUpdate("""
                        INSERT INTO notification_mail_settings (user_id, language, muted, updated_at)
                        VALUES (:u, :language, :muted, :now)
                        ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, muted = excluded.muted,
                            updated_at = excluded.updated_at""")
                .bind("u", userId)
                .bind("language", language)
                .bind("muted", muted)
                .bind("now", clock.millis())
                .execute();
    }

    private String known(String language) {
        return site.language(language).isPresent()
                ? language
                : site.defaultLanguage().code();
    }

    private static Set<NotificationKind> mailed(String muted) {
        EnumSet<NotificationKind> kinds = EnumSet.allOf(NotificationKind.class);
        Arrays.stream(muted.strip().split(" +")).filter(s -> !s.isBlank()).forEach(code -> {
            try {
                kinds.remove(NotificationKind.of(code));
            } catch (IllegalArgumentException ignored) {
                // a kind that no longer exists
            }
        });
        return kinds;
    }
}
