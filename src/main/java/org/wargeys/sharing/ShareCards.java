package org.wargeys.sharing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleService;
import org.wargeys.platform.Direction;
import org.wargeys.platform.FileStore;
import org.wargeys.platform.Hashes;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;

/**
 * Share cards: the 1200×630 PNG shown when an article without a featured image is shared. A card's
 * address holds a hash of what is drawn on it (headline, section, language, outlet), so an edited
 * headline gets a new address and the old one is never served stale; cards are drawn on first request
 * and kept in the site's file store ({@code share-cards/}: the data directory or the bucket). Also the
 * publisher logo, drawn the same way. Thread-safe: a store writes a file whole or not at all.
 */
final class ShareCards {

    public static final String PREFIX = "/share-cards/";
    // Bump when the drawing changes, so every card gets a new address.
    private static final String DESIGN = "1";
    private static final Pattern CARD = Pattern.compile("([0-9]{1,18})-([0-9a-f]{16})\\.png");
    private static final Pattern LOGO = Pattern.compile("logo-([0-9a-f]{16})\\.png");

    private final ArticleService articles;
    private final Site site;
    private static final String FOLDER = "share-cards/";

    private final FileStore files;
    private final ShareCardRenderer renderer = new ShareCardRenderer();

    ShareCards(ArticleService articles, Site site, FileStore files) {
        this.articles = articles;
        this.site = site;
        this.files = files;
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
        Optional<byte[]> kept = files.get(FOLDER + name);
        if (kept.isPresent()) return kept.get();
        byte[] png = draw.get();
        files.put(FOLDER + name, png, "image/png");
        return png;
    }

    // A card whose headline was edited is never asked for again under its old address.
    private void deleteOldCards(long articleId, String current) {
        for (FileStore.Entry old : files.list(FOLDER + articleId + "-")) {
            if (!old.key().equals(FOLDER + current)) files.delete(old.key());
        }
    }

    private static String digest(String text) {
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8), 16);
    }
}
