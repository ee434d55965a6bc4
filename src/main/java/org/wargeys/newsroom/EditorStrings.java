package org.wargeys.newsroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wargeys.web.Messages;

/**
 * The strings the editor's script shows (save status, toolbar, dialogs, pickers), handed to it as JSON
 * in the staff member's language: the script has no strings of its own. Listed here, so that the
 * message-key test checks each is in every bundle. Stateless.
 */
final class EditorStrings {

    static final List<String> KEYS = List.of(
            "editor.placeholder",
            "editor.toolbar",
            "editor.tb.undo",
            "editor.tb.redo",
            "editor.tb.h2",
            "editor.tb.h3",
            "editor.tb.bold",
            "editor.tb.italic",
            "editor.tb.link",
            "editor.tb.bullets",
            "editor.tb.numbers",
            "editor.tb.quote",
            "editor.tb.pullquote",
            "editor.tb.image",
            "editor.link.title",
            "editor.link.address",
            "editor.link.apply",
            "editor.link.remove",
            "editor.link.invalid",
            "editor.cancel",
            "editor.close",
            "editor.figure.caption",
            "editor.figure.credit",
            "editor.figure.alt",
            "editor.figure.alt_needed",
            "editor.figure.remove",
            "editor.word_count",
            "editor.status.saving",
            "editor.status.saved",
            "editor.status.saved_pending",
            "editor.status.unsaved",
            "editor.status.offline",
            "editor.status.failed",
            "editor.status.signed_out",
            "editor.status.conflict",
            "editor.status.read_only",
            "editor.local.restored",
            "editor.local.discard",
            "editor.signin.title",
            "editor.signin.intro",
            "editor.signin.email",
            "editor.signin.password",
            "editor.signin.submit",
            "editor.signin.refused",
            "editor.signin.password_change",
            "editor.presence.editing",
            "editor.presence.you_elsewhere",
            "editor.presence.take_over",
            "editor.presence.taken",
            "editor.presence.you",
            "editor.conflict.title",
            "editor.conflict.intro",
            "editor.conflict.theirs",
            "editor.conflict.mine",
            "editor.conflict.keep_theirs",
            "editor.conflict.keep_mine",
            "editor.conflict.keep_both",
            "editor.conflict.only_theirs",
            "editor.conflict.only_mine",
            "editor.conflict.apply",
            "editor.conflict.headline",
            "editor.conflict.standfirst",
            "editor.picker.remove",
            "editor.picker.new_tag",
            "editor.picker.propose_tag",
            "editor.picker.guest",
            "editor.picker.staff",
            "editor.picker.guest_note",
            "editor.picker.proposed",
            "editor.picker.new",
            "editor.picker.none",
            "editor.picker.results",
            "editor.image.library",
            "editor.image.search",
            "editor.image.upload",
            "editor.image.camera",
            "editor.image.drop",
            "editor.image.uploading",
            "editor.image.failed",
            "editor.image.none",
            "editor.image.more",
            "editor.image.choose",
            "editor.image.use",
            "editor.image.remove",
            "editor.preview.phone",
            "editor.preview.wide",
            "editor.seo.count",
            "editor.seo.too_long",
            "editor.slug.edit",
            "editor.translation.carried",
            "editor.translation.to_translate",
            "editor.translation.source_row",
            "editor.body.help_rich",
            "editor.leave");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EditorStrings() {}

    static String json(Messages msg) {
        Map<String, String> strings = new LinkedHashMap<>();
        for (String key : KEYS) strings.put(key, msg.get(key));
        try {
            return JSON.writeValueAsString(strings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
