package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.account.Role;
import org.wargeys.article.Article;
import org.wargeys.media.Image;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * An image's texts follow the rules of the articles that show it (security review, issue 12): an
 * author cannot rewrite the alt text of a published article's image they may not edit; a translator
 * writes only their languages and never the credit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaPermissionsIT {

    static final String PASSWORD = "correct horse battery";

    TestSite site;
    StaffClient author;
    StaffClient translator;
    StaffClient editor;
    long featured;

    @BeforeAll
    void start() throws Exception {
        site = TestSite.start(DatabaseKind.SQLITE);
        var accounts = site.wiring().accounts().accounts();
        accounts.create("author@example.org", "Asha", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("translator@example.org", "Tariq", Role.TRANSLATOR, Set.of("so"), PASSWORD, Actor.TERMINAL);
        accounts.create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        author = StaffClient.signIn(site, "author@example.org", PASSWORD);
        translator = StaffClient.signIn(site, "translator@example.org", PASSWORD);
        editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        Image photo = site.wiring()
                .media()
                .service()
                .upload(
                        png(),
                        "Photo: Agency",
                        Map.of("en", new Image.Text("Mourners in Tehran", null)),
                        Actor.TERMINAL);
        featured = photo.id();
        Article english = site.wiring()
                .articles()
                .service()
                .findPublished("en", "iran-vows-soleimani-revenge")
                .orElseThrow();
        site.wiring().articles().service().feature(english.id(), featured, Actor.TERMINAL);
    }

    @AfterAll
    void stop() {
        site.deleteData();
    }

    @Test
    void an_author_cannot_rewrite_the_image_of_a_published_article_they_may_not_edit() {
        var response = author.post("/admin/media/" + featured, Map.of("alt_en", "Vandalised", "credit", "Nobody"));
        assertThat(response.statusCode()).isEqualTo(403);
        Image image = site.wiring().media().service().find(featured).orElseThrow();
        assertThat(image.texts().get("en").alt()).isEqualTo("Mourners in Tehran");
        assertThat(image.credit()).isEqualTo("Photo: Agency");
    }

    @Test
    void a_translator_writes_only_their_languages_and_never_the_credit() {
        // The Somali translation of the article shows the same image: the translator may edit it.
        Article somali = site.wiring()
                .articles()
                .service()
                .findPublished("so", "iran-oo-ballan-qaaday")
                .orElseThrow();
        site.wiring().articles().service().feature(somali.id(), featured, Actor.TERMINAL);
        site.wiring()
                .platform()
                .database()
                .jdbi()
                .useHandle(h -> h.createUpdate(
                                "INSERT INTO article_origins (article_id, created_by, source_article_id, source_revision) VALUES (:a, NULL, :s, 1)")
                        .bind("a", somali.id())
                        .bind("s", somali.id() - 1)
                        .execute());
        var response = translator.post(
                "/admin/media/" + featured,
                Map.of("alt_so", "Dad baroor diiqaya", "alt_en", "Changed by a translator", "credit", "Someone else"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        Image image = site.wiring().media().service().find(featured).orElseThrow();
        assertThat(image.texts().get("so").alt()).isEqualTo("Dad baroor diiqaya");
        assertThat(image.texts().get("en").alt()).isEqualTo("Mourners in Tehran");
        assertThat(image.credit()).isEqualTo("Photo: Agency");
    }

    @Test
    void an_editor_may_describe_any_image() {
        var response = editor.post(
                "/admin/media/" + featured,
                Map.of(
                        "alt_en",
                        "Mourners in Tehran, January 2020",
                        "alt_so",
                        "Dad baroor diiqaya",
                        "credit",
                        "Photo: Agency"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(site.wiring()
                        .media()
                        .service()
                        .find(featured)
                        .orElseThrow()
                        .texts()
                        .get("en")
                        .alt())
                .isEqualTo("Mourners in Tehran, January 2020");
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
