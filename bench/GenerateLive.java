import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.wargeys.Wiring;
import org.wargeys.account.Role;
import org.wargeys.article.ArticleDraft;
import org.wargeys.live.LiveEntryDraft;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Config;

/**
 * Generates the live-blog benchmark's site (issue 17): the demo site plus one live article with N
 * entries (every tenth a key event), written through the real LiveBlogs service; writes the article's
 * path and its poll path, one a line. Run from the project root after a build:
 *   java -cp "target/wargeys.jar:target/lib/*" bench/GenerateLive.java DATA_DIR N PATHS_FILE
 */
public class GenerateLive {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Config config = new Config(0, "127.0.0.1", data, null, null, null, "http://localhost", true,
                "Warsoor", "WARSOOR", "Africa/Mogadishu", List.of("en", "so", "ar"));
        long started = System.nanoTime();
        try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
            var articles = wiring.articles().service();
            var editor = wiring.accounts().accounts().create(
                    "bench-editor@example.org", "Bench Editor", Role.EDITOR, Set.of(),
                    "bench password " + System.nanoTime(), Actor.TERMINAL);
            Actor actor = new Actor(editor.id(), editor.email(), null);
            var draft = articles.createDraft(new ArticleDraft("en", "live-bench", "Live benchmark coverage", null,
                    null, null, "What we know so far.", "world", List.of(), List.of()), actor);
            var article = articles.publish(draft.id(), actor);
            var blogs = wiring.live().blogs();
            blogs.start(article.id(), editor, actor);
            for (int i = 1; i <= count; i++) {
                String text = "Update " + i + ": the count continues in district " + (i % 18)
                        + ". Officials say **turnout** is high and results are expected tonight.";
                blogs.post(article.id(), new LiveEntryDraft(text, null, null, null, i % 10 == 0), editor, actor);
                if (i % 500 == 0) System.err.printf("posted %d of %d entries%n", i, count);
            }
            String path = wiring.articles().paths().path(article);
            Files.write(Path.of(args[2]), List.of(path, "/en/live/" + article.id()));
        }
        System.err.printf("generated a live article of %d entries in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }
}
