package org.wargeys.importer;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wargeys.platform.Site;

/**
 * The addresses a WordPress post answered at, in one normal form (decoded, lower case, ending in a
 * slash, only the query that names a post kept) so that what a reader asks for can be looked up.
 */
final class OldPaths {

    private OldPaths() {}

    /** The normal form of a request path and query; null when it cannot be an old WordPress address. */
    static String normalize(String path, String query) {
        String p = normalize(path);
        if (query == null || query.isBlank()) return p;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && (kv[0].equals("p") || kv[0].equals("page_id")) && kv[1].matches("\\d{1,18}")) {
                return "/?" + kv[0] + "=" + Long.parseLong(kv[1]);
            }
        }
        return p;
    }

    static String normalize(String path) {
        String p;
        try {
            p = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            p = path;
        }
        p = p.toLowerCase(Locale.ROOT);
        if (!p.startsWith("/")) p = "/" + p;
        if (!p.endsWith("/")) p = p + "/";
        return p.length() > 1000 ? p.substring(0, 1000) : p;
    }

    /** Every address the item may have had: its own link, ?p=ID, the date-based and plain permalinks, each also after a language prefix. */
    static List<String> forItem(WxrItem item, String language, Site site) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add("/?p=" + item.postId());
        if (item.postType().equals("page")) paths.add("/?page_id=" + item.postId());
        if (!item.link().isEmpty()) {
            try {
                URI link = URI.create(item.link().strip());
                if (link.getRawPath() != null && !link.getRawPath().isEmpty()) {
                    paths.add(normalize(link.getRawPath(), link.getRawQuery()));
                }
            } catch (IllegalArgumentException notAUri) {
                // An odd link is simply not one of the old addresses.
            }
        }
        String slug = WordPressValues.decode(item.postName());
        if (!slug.isEmpty() && !slug.contains("/")) {
            paths.add(normalize("/" + slug + "/"));
            String date = item.postDate();
            if (date.matches("\\d{4}-\\d{2}-\\d{2}.*") && !date.startsWith("0000")) {
                String y = date.substring(0, 4);
                String m = date.substring(5, 7);
                String d = date.substring(8, 10);
                paths.add(normalize("/" + y + "/" + m + "/" + d + "/" + slug + "/"));
                paths.add(normalize("/" + y + "/" + m + "/" + slug + "/"));
            }
        }
        Set<String> all = new LinkedHashSet<>(paths);
        for (String p : paths) {
            if (p.startsWith("/?") || p.equals("/")) continue;
            String first = p.substring(1, p.indexOf('/', 1));
            if (site.publishesIn(first)) continue;
            all.add("/" + language + p);
        }
        all.remove("/");
        all.remove("/" + language + "/");
        return List.copyOf(all);
    }
}
