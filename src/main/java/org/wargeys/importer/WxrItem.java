package org.wargeys.importer;

import java.util.List;
import java.util.Map;

/**
 * One {@code <item>} of a WordPress export: a post, page, attachment or anything else WordPress
 * stores as a post. Dates are as written ({@code YYYY-MM-DD HH:MM:SS}); blank when absent.
 */
record WxrItem(
        long postId,
        String guid,
        String title,
        String link,
        String creator,
        String content,
        String excerpt,
        String postDate,
        String postDateGmt,
        String modified,
        String modifiedGmt,
        String postName,
        String status,
        String postType,
        long parent,
        boolean sticky,
        String attachmentUrl,
        boolean passwordProtected,
        List<Term> terms,
        Map<String, String> meta,
        int line) {

    /** A taxonomy term the item is filed under: {@code <category domain="..." nicename="...">name</category>}. */
    record Term(String domain, String nicename, String name) {}

    List<Term> terms(String domain) {
        return terms.stream().filter(t -> t.domain().equals(domain)).toList();
    }
}
