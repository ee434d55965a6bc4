package org.wargeys.newsletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The subscribers table. Stateless: every call takes the use case's handle. */
final class SubscriberRepository {

    static final String COLUMNS =
            "id, address, language, sections, alerts, digest, status, consented_at, source, created_at";

    Optional<Subscriber> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> subscriber(rs))
                .findOne();
    }

    Optional<Subscriber> find(Handle h, String address, String language) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE address = :a AND language = :l")
                .bind("a", address)
                .bind("l", language)
                .map((rs, ctx) -> subscriber(rs))
                .findOne();
    }

    Optional<Long> confirmationSentAt(Handle h, long id) {
        return h.createQuery("SELECT confirmation_sent_at FROM subscribers WHERE id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .findOne();
    }

    static Subscriber subscriber(ResultSet rs) throws SQLException {
        long consented = rs.getLong("consented_at");
        boolean hasConsent = !rs.wasNull();
        String sections = rs.getString("sections");
        return new Subscriber(
                rs.getLong("id"),
                rs.getString("address"),
                rs.getString("language"),
                sections.isBlank() ? List.of() : Arrays.asList(sections.strip().split(" +")),
                rs.getInt("alerts") == 1,
                rs.getInt("digest") == 1,
                "confirmed".equals(rs.getString("status")),
                hasConsent ? Instant.ofEpochMilli(consented) : null,
                rs.getString("source"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
