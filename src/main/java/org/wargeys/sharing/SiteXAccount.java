package org.wargeys.sharing;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.article.XHandle;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Transactions;

/**
 * The site's X account, named on every article page as {@code twitter:site} and in X share links: the
 * one an administrator sets in the newsroom's settings (stored in {@code site_settings}), else the
 * configured {@code sharing.x_handle}. A change is audited and announced ({@link XAccountChanged}) once
 * it commits, so that every cached page drops. Thread-safe.
 */
public final class SiteXAccount {

    static final String KEY = "sharing.x_handle";

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final AuditLog audit;
    private final String configured;
    /**
     * What the newsroom set, read once and kept: every share link and quote on an article page asks,
     * and a query each would cost an uncached page seven. Null until read; dropped on {@link
     * XAccountChanged}, from this node or another.
     */
    private volatile Optional<String> known;
    /** Counts forgets, so that a read begun before a change is not kept after it. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    SiteXAccount(Jdbi jdbi, Transactions transactions, AuditLog audit, String configured) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.audit = audit;
        this.configured = configured;
    }

    /** The account without the @, or null when neither the newsroom nor the configuration names one. */
    public String handle() {
        Optional<String> value = known;
        if (value == null) {
            long before = changes.get();
            value = stored();
            if (changes.get() == before) known = value;
        }
        return value.orElse(configured);
    }

    /** Forgets the kept value: the next page reads the table again. */
    void forget() {
        changes.incrementAndGet();
        known = null;
    }

    /** What the newsroom set (a blank value there means: the configured one). */
    public Optional<String> stored() {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM site_settings WHERE key = :key")
                        .bind("key", KEY)
                        .mapTo(String.class)
                        .findOne())
                .filter(v -> !v.isBlank());
    }

    /** Sets the account ({@code @name} or {@code name}; blank goes back to the configured one). */
    public void set(String typed, Actor actor) {
        String handle = XHandle.parse("x_handle", typed).orElse("");
        if (handle.equals(stored().orElse(""))) return;
        transactions.run(tx -> {
            tx.handle()
                    .createUpdate("DELETE FROM site_settings WHERE key = :key")
                    .bind("key", KEY)
                    .execute();
            if (!handle.isEmpty()) {
                tx.handle()
                        .createUpdate("INSERT INTO site_settings (key, value) VALUES (:key, :value)")
                        .bind("key", KEY)
                        .bind("value", handle)
                        .execute();
            }
            audit.record(tx, actor, "settings.x_account", "site", handle.isEmpty() ? "configured" : "@" + handle);
            tx.announce(new XAccountChanged());
        });
        forget();
    }
}
