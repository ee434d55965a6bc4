import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Checks what Storm acknowledged, after a crash and a restart: every acknowledged article must be
 * published and found by search (its unique token). Waits up to WAIT seconds for the index to catch up.
 * Prints "acknowledged N present P searchable S" and exits 1 if anything is missing.
 *
 *   java bench/StormCheck.java BASE_URL ACK_FILE WAIT_SECONDS
 */
public class StormCheck {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> acks = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        HttpClient http = HttpClient.newHttpClient();
        int searchable = 0;
        int present = 0;
        for (String ack : acks) {
            String token = ack.split(" ")[1];
            // A wrong year and month redirect to a published article's address: the slug alone finds it.
            HttpResponse<Void> article = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/en/2000/01/storm-" + token + "-over-mogadishu")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (article.statusCode() == 301 || article.statusCode() == 200) present++;
            while (true) {
                HttpResponse<String> page = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/en/search?q=" + token)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() == 200 && page.body().contains(token + " over Mogadishu")) {
                    searchable++;
                    break;
                }
                if (System.nanoTime() > deadline) break;
                Thread.sleep(200);
            }
        }
        System.out.println("acknowledged " + acks.size() + " present " + present + " searchable " + searchable);
        System.exit(searchable == acks.size() && present == acks.size() ? 0 : 1);

    }
}
