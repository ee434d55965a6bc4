package org.wargeys.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wargeys.account.Role;
import org.wargeys.account.User;

class MentionsTest {

    static User user(long id, String email, boolean disabled) {
        return new User(id, email, email, Role.EDITOR, Set.of(), Instant.EPOCH, false, disabled);
    }

    @Test
    void a_mention_starts_a_word_and_an_email_in_a_sentence_is_not_one() {
        assertThat(Mentions.handles("@amina, please ask @Tariq. Write to amina@example.org or (@edna)!"))
                .containsExactly("amina", "tariq", "edna");
        assertThat(Mentions.handles("No mentions: a@b.c and x @ y")).isEmpty();
        assertThat(Mentions.handles("@amina@example.org and @amina")).containsExactly("amina@example.org", "amina");
    }

    @Test
    void a_handle_names_one_active_staff_member_or_nobody() {
        List<User> staff = List.of(
                user(1, "amina@example.org", false),
                user(2, "amina@other.org", false),
                user(3, "tariq@example.org", false),
                user(4, "gone@example.org", true));
        assertThat(Mentions.resolve("tariq", staff)).map(User::id).contains(3L);
        assertThat(Mentions.resolve("amina", staff)).as("two share it").isEmpty();
        assertThat(Mentions.resolve("amina@other.org", staff)).map(User::id).contains(2L);
        assertThat(Mentions.resolve("gone", staff)).as("disabled").isEmpty();
        assertThat(Mentions.resolve("nobody", staff)).isEmpty();
    }

    @Test
    void the_text_is_cut_into_plain_runs_and_mentions_for_display() {
        assertThat(Mentions.parts("Ask @tariq. <b>now</b>"))
                .containsExactly(
                        new Mentions.Part("Ask ", false),
                        new Mentions.Part("@tariq", true),
                        new Mentions.Part(". <b>now</b>", false));
    }
}
