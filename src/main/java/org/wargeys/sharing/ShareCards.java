package org.wargeys.sharing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleService;
import org.wargeys.platform.Direction;
import org.wargeys.platform.Hashes;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;

/**
 * Share cards: the 1200×630 PNG shown when an article without a featured image is shared. A card's
 * address holds a hash of what is drawn on it (headline, section, language, outlet), so an edited
 * headline gets a new address and the old one is never served stale; cards are drawn on first request
 * and kept on disk under the data directory. Also the publisher logo, drawn the same way.
 * Thread-safe: files are written to a temporary name and moved into place.
 */
final class ShareCards {

    public static final String PREFIX = "/share-cards/";
    // Bump when the drawing changes, so every card gets a new address.
    private static final String DESIGN = "1";
    private static final Pattern CARD = Pattern.compile("([0-9]{1,18})-([0-9a-f]{16})\\.png");
    private static final Pattern LOGO = Pattern.compile("logo-([0-9a-f]{16})\\.png");

    private final ArticleService articles;
    private final Site site;
    private final Path directory;
    private final ShareCardRenderer renderer = new ShareCardRenderer();

    ShareCards(ArticleService articles, Site site, Path dataDir) {
        this.articles = articles;
        this.site = site;
        this.directory = dataDir.resolve("share-cards");
    }

    /** The site path of an article's card; changes whenever what the card shows changes. */
    public String path(Article article, String sectionName) {
        return PREFIX + article.id() + "-" + hash(article, sectionName) + ".png";
    }

    public String logoPath() {
        return PREFIX + "logo-" + digest(site.name() + "\n" + DESIGN) + ".png";
    }

    /**
     * The PNG behind a card or logo file name, drawn now if it is the current one and not yet on disk.
     *
     * @throws NotFoundException for names that are not a current card of a published article
     */
    public byte[] file(String name) {
        Matcher logo = LOGO.matcher(name);
        if (logo.matches()) {
            if (!logoPath().equals(PREFIX + name)) throw new NotFoundException("No logo " + name);
            return readOrDraw(name, () -> renderer.logo(site.name()));
        }
        Matcher card = CARD.matcher(name);
        if (!card.matches()) throw new NotFoundException("No share card " + name);
        Article article = published(Long.parseLong(card.group(1)))
                .orElseThrow(() -> new NotFoundException("No published article for card " + name));
        String section = sectionName(article);
        if (!hash(article, section).equals(card.group(2))) throw new NotFoundException("Outdated share card " + name);
        return readOrDraw(name, () -> {
            deleteOldCards(article.id(), name);
            Language language = site.language(article.language()).orElse(site.defaultLanguage());
            boolean rightToLeft =
                    language.direction() == Direction.RTL || ShareCardRenderer.isRightToLeft(article.headline());
            return renderer.card(article.headline(), section, site.name(), language.locale(), rightToLeft);
        });
    }

    private String hash(Article article, String sectionName) {
        return digest(String.join(
                "\n", article.headline(), String.valueOf(sectionName), article.language(), site.name(), DESIGN));
    }

    private String sectionName(Article article) {
        return articles.details(article).section().map(s -> s.name()).orElse(null);
    }

    private Optional<Article> published(long id) {
        try {
            return Optional.of(articles.find(id)).filter(Article::isPublished);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private byte[] readOrDraw(String name, java.util.function.Supplier<byte[]> draw) {
        Path file = directory.resolve(name);
        try {
            if (Files.exists(file)) return Files.readAllBytes(file);
            Files.createDirectories(directory);
            byte[] png = draw.get();
            Path temp = Files.createTempFile(directory, "card", ".tmp");
            Files.write(temp, png);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the share card " + file, e);
        }
    }

    // A card whose headline was edited is never asked for again under its old address.
    private void deleteOldCards(long articleId, String current) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, articleId + "-*.png")) {
            for (Path file : old) {
                if (!file.getFileName().toString().equals(current)) Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove old share cards from " + directory, e);
        }
    }

    private static String digest(String text) {
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8), 16);
    }
}
