package org.wargeys.sharing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The operator's choices for sharing, read from the {@code sharing.*} settings (see docs/sharing.md):
 * which networks the share bar offers and in what order, the site's X account, the UTM parameters
 * added to shared links, the total from which the bar shows a share count, and how many share
 * beacons one address may send a minute. Immutable.
 *
 * @param xHandle the X account without the @, or null
 * @param utm true to add {@code utm_source=<network>&utm_medium&utm_campaign} to the shared URL
 * @param socialProofThreshold the bar shows the share total once it reaches this; 0 never shows it
 */
public record ShareSettings(
        List<ShareNetwork> networks,
        String xHandle,
        boolean utm,
        String utmMedium,
        String utmCampaign,
        int socialProofThreshold,
        int beaconLimitPerMinute) {

    public static final String DEFAULT_NETWORKS = "x,facebook,whatsapp,telegram,linkedin,email,copy";

    public ShareSettings {
        networks = List.copyOf(networks);
    }

    /** Every network the share bar can offer: its id and its label's message key, in the default order. */
    public static java.util.Map<String, String> offered() {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        for (ShareNetwork n : ShareNetwork.values()) all.put(n.id(), n.labelKey());
        return all;
    }

    /** Reads and validates the settings; unknown networks or bad numbers are refused at startup. */
    public static ShareSettings from(Map<String, String> settings) {
        List<ShareNetwork> networks = new ArrayList<>();
        for (String id :
                settings.getOrDefault("sharing.networks", DEFAULT_NETWORKS).split(",")) {
            String trimmed = id.trim().toLowerCase(java.util.Locale.ROOT);
            if (trimmed.isEmpty()) continue;
            ShareNetwork network = ShareNetwork.byId(trimmed)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown network '" + trimmed + "'; use some of "
                            + Arrays.stream(ShareNetwork.values())
                                    .map(ShareNetwork::id)
                                    .toList()));
            if (!networks.contains(network)) networks.add(network);
        }
        String handle = settings.getOrDefault("sharing.x_handle", "").trim();
        if (handle.startsWith("@")) handle = handle.substring(1);
        if (!handle.isEmpty() && !handle.matches("[A-Za-z0-9_]{1,15}")) {
            throw new IllegalArgumentException("An X handle is 1 to 15 letters, digits or underscores.");
        }
        return new ShareSettings(
                networks,
                handle.isEmpty() ? null : handle,
                Boolean.parseBoolean(
                        settings.getOrDefault("sharing.utm", "false").trim()),
                settings.getOrDefault("sharing.utm.medium", "social").trim(),
                settings.getOrDefault("sharing.utm.campaign", "share_bar").trim(),
                number(settings, "sharing.social_proof_threshold", 10),
                number(settings, "sharing.beacon_limit_per_minute", 30));
    }

    /** The URL to share on a network: the canonical URL, with UTM parameters if the site wants them. */
    public String sharedUrl(String canonicalUrl, ShareNetwork network) {
        if (!utm || network == ShareNetwork.COPY) return canonicalUrl;
        return canonicalUrl + (canonicalUrl.contains("?") ? "&" : "?") + "utm_source=" + network.id() + "&utm_medium="
                + ShareNetwork.encode(utmMedium) + "&utm_campaign=" + ShareNetwork.encode(utmCampaign);
    }

    private static int number(Map<String, String> settings, String key, int fallback) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of zero or more, not '" + value + "'.");
        }
    }
}
