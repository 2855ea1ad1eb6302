package org.opencdp.tracking.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a user agent string to browser family, major version and device class. A small ordered rule list, not a
 * full parser: browsers built on Chromium name Chrome as well, so the more specific tokens (Edge, Opera, Samsung
 * Internet) are tried first, and Safari last because every WebKit browser names it.
 */
public final class UserAgents {

    private record Rule(String browser, Pattern version) {}

    private static final List<Rule> RULES = List.of(
            new Rule("Bot", Pattern.compile("(?i)(?:bot|crawler|spider|slurp)[^/ ]*/?(\\d+)?")),
            new Rule("Edge", Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)")),
            new Rule("Opera", Pattern.compile("(?:OPR|Opera)/(\\d+)")),
            new Rule("Samsung Internet", Pattern.compile("SamsungBrowser/(\\d+)")),
            new Rule("Firefox", Pattern.compile("(?:Firefox|FxiOS)/(\\d+)")),
            new Rule("Chrome", Pattern.compile("(?:Chrome|CriOS|Chromium)/(\\d+)")),
            new Rule("Safari", Pattern.compile("Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/")));

    private UserAgents() {}

    public static ReducedUserAgent reduce(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return ReducedUserAgent.UNKNOWN;
        }
        String device = deviceClass(userAgent);
        for (Rule rule : RULES) {
            Matcher match = rule.version().matcher(userAgent);
            if (match.find()) {
                Integer major =
                        match.groupCount() > 0 && match.group(1) != null ? Integer.valueOf(match.group(1)) : null;
                return new ReducedUserAgent(
                        rule.browser(), major, rule.browser().equals("Bot") ? "bot" : device);
            }
        }
        return new ReducedUserAgent("Other", null, device);
    }

    private static String deviceClass(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("ipad") || ua.contains("tablet") || (ua.contains("android") && !ua.contains("mobile"))) {
            return "tablet";
        }
        if (ua.contains("mobi") || ua.contains("iphone") || ua.contains("android")) {
            return "mobile";
        }
        return "desktop";
    }
}
