package org.wargeys.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.backup.BackupModule;
import org.wargeys.platform.Actor;
import org.wargeys.platform.FileStore;
import org.wargeys.platform.S3Settings;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.S3Server;
import org.wargeys.testsupport.TestSite;

/**
 * The site's files in an S3 bucket (s3proxy, a real S3 API server): uploads, renditions and share
 * cards go to the bucket and nothing to the data directory; two nodes on one database share the
 * bucket; backups and restores go through it; {@code media move} copies a site's files there and
 * resumes a move cut short.
 */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class ObjectStorageIT {

    static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";
    static final Map<String, Image.Text> ALT = Map.of("en", new Image.Text("Berbera port at dawn", null));

    private final DatabaseKind kind;
    private final S3Server s3 = S3Server.get();

    ObjectStorageIT(DatabaseKind kind) {
        this.kind = kind;
    }

    @Test
    void two_nodes_share_one_bucket_for_images_and_share_cards() throws Exception {
        String bucket = s3.newBucket();
        TestSite first = TestSite.start(kind, true, s3.settings(bucket, "site"));
        TestSite second = first.secondNode();
        try {
            Image photo = first.wiring()
                    .media()
                    .service()
                    .upload(MediaServiceTest.photo(1200, 800), null, ALT, Actor.TERMINAL);
            var article = first.wiring()
                    .articles()
                    .service()
                    .findPublished("en", "iran-vows-soleimani-revenge")
                    .orElseThrow();
            first.wiring().articles().service().feature(article.id(), photo.id(), Actor.TERMINAL);

            assertThat(s3.keys(bucket))
                    .contains("site/media/" + photo.id() + "-320.jpg", "site/media/" + photo.id() + "-320.webp");
            assertThat(first.dataDir().resolve("media")).doesNotExist();

            // The other node serves the renditions written by the first, straight from the bucket.
            var page = Jsoup.parse(second.get(EN).body());
            var picture = page.select("figure.featured-image picture");
            assertThat(picture.select("source[type=image/webp]").attr("srcset"))
                    .startsWith("/media/" + photo.id() + "-320.webp 320w");
            for (String name : List.of(photo.id() + "-640.jpg", photo.id() + "-640.webp")) {
                HttpResponse<byte[]> image = bytes(second, "/media/" + name);
                assertThat(image.statusCode()).isEqualTo(200);
                assertThat(image.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
                assertThat(image.headers().firstValue("Content-Type"))
                        .contains(name.endsWith(".webp") ? "image/webp" : "image/jpeg");
                assertThat(ImageIO.read(new java.io.ByteArrayInputStream(image.body()))
                                .getWidth())
                        .isEqualTo(640);
            }

            // A share card drawn on one node is kept in the bucket; the other serves that very file.
            var so = Jsoup.parse(first.get("/so/2020/12/iran-oo-ballan-qaaday").body());
            String card = so.select("meta[property=og:image]")
                    .attr("content")
                    .substring(first.baseUrl().length());
            assertThat(card).startsWith("/share-cards/");
            HttpResponse<byte[]> drawn = bytes(first, card);
            assertThat(drawn.statusCode()).isEqualTo(200);
            assertThat(s3.keys(bucket)).contains("site" + card);
            assertThat(bytes(second, card).body()).isEqualTo(drawn.body());
            assertThat(second.dataDir().resolve("share-cards")).doesNotExist();
        } finally {
            second.deleteData();
            first.deleteData();
        }
    }

    @Test
    void a_backup_written_to_a_bucket_restores_into_an_empty_site_with_its_images() throws Exception {
        String bucket = s3.newBucket();
        TestSite site = TestSite.start(kind, false, s3.settings(bucket, "a"));
        Path restoredData = Files.createTempDirectory("wargeys-restored");
        String restoredDb = kind.newDatabaseUrl();
        try {
            Image photo =
                    site.wiring().media().service().upload(MediaServiceTest.photo(700, 500), null, ALT, Actor.TERMINAL);
            String archive = "s3://" + bucket + "/backups/site.zip";
            var written = new BackupModule(site.wiring().platform()).backups().backup(archive);
            assertThat(written.files()).isEqualTo(photo.fileNames().size());
            assertThat(s3.keys(bucket)).contains("backups/site.zip");

            // Another site, on its own database and its own prefix of the bucket.
            Map<String, String> settings = new HashMap<>(s3.settings(bucket, "b"));
            TestSite empty = TestSite.onData(restoredData, restoredDb, settings);
            try {
                new BackupModule(empty.wiring().platform()).backups().restore(archive);
            } finally {
                empty.close();
            }
            TestSite restored = TestSite.onData(restoredData, restoredDb, settings);
            try {
                assertThat(s3.keys(bucket))
                        .contains("b/media/" + photo.id() + "-700.jpg", "b/media/" + photo.id() + "-700.webp");
                assertThat(bytes(restored, "/media/" + photo.id() + "-700.jpg").body())
                        .isEqualTo(site.wiring()
                                .media()
                                .service()
                                .file(photo.id() + "-700.jpg")
                                .orElseThrow());
            } finally {
                restored.close();
            }
        } finally {
            site.deleteData();
        }
    }

    @Test
    void media_move_copies_a_folder_site_to_a_bucket_and_resumes_a_move_cut_short() throws Exception {
        TestSite site = TestSite.start(kind, false);
        String bucket = s3.newBucket();
        try {
            var media = site.wiring().media().service();
            Image one = media.upload(MediaServiceTest.photo(640, 480), null, ALT, Actor.TERMINAL);
            Image two = media.upload(MediaServiceTest.photo(400, 300), null, ALT, Actor.TERMINAL);
            FileStore folder = FileStore.folder(site.dataDir());
            FileStore target = FileStore.at("s3://" + bucket + "/moved", S3Settings.from(s3.settings(bucket, "")));
            // A move cut short: one file is there whole, another only in part.
            String whole = "media/" + one.fileName(320);
            target.put(whole, folder.get(whole).orElseThrow(), "image/jpeg");
            String partial = "media/" + two.fileName(320);
            target.put(partial, new byte[] {1, 2, 3}, "image/jpeg");
            int all = one.fileNames().size() + two.fileNames().size();

            var result = MediaMove.move(folder, target, false, site.dataDir().resolve("tmp"), MediaMove.Progress.NONE);

            assertThat(result.skipped()).isEqualTo(1);
            assertThat(result.copied()).isEqualTo(all - 1);
            for (String name : two.fileNames()) {
                assertThat(target.get("media/" + name))
                        .contains(folder.get("media/" + name).orElseThrow());
            }
            var again = MediaMove.move(folder, target, true, site.dataDir().resolve("tmp"), MediaMove.Progress.NONE);
            assertThat(again.copied()).isZero();
            assertThat(again.skipped()).isEqualTo(all);
            assertThat(again.deleted()).isEqualTo(all);
            assertThat(folder.list("media/")).isEmpty();
            target.close();
        } finally {
            site.deleteData();
        }
    }

    private static HttpResponse<byte[]> bytes(TestSite site, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
