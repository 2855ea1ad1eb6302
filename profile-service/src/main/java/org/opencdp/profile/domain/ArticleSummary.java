package org.opencdp.profile.domain;

import java.util.regex.Pattern;

/**
 * The short summary a ticket article leaves on the timeline: its subject (when it has one) and the first line of its
 * text, at most {@link #MAX_LENGTH} characters. The rest of the body is never stored: a ticket system keeps the
 * conversation, the timeline says what it was about. An HTML body is reduced to its text first.
 */
public final class ArticleSummary {

    /** Characters kept; a longer summary ends in an ellipsis. */
    public static final int MAX_LENGTH = 300;

    private static final Pattern BLOCK_BREAK =
            Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/h[1-6]|/tr|/blockquote)\\b[^>]*>");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(style|script|head)\\b.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");

    private ArticleSummary() {}

    /** The summary, or null when there is neither subject nor text. */
    public static String of(String subject, String body, boolean html) {
        String firstLine = firstLine(html ? text(body) : body);
        String head = subject == null || subject.isBlank()
                ? null
                : SPACES.matcher(subject.strip()).replaceAll(" ");
        String summary;
        if (head == null) {
            summary = firstLine;
        } else if (firstLine == null || firstLine.equals(head)) {
            summary = head;
        } else {
            summary = head + ": " + firstLine;
        }
        if (summary == null || summary.length() <= MAX_LENGTH) {
            return summary;
        }
        return summary.substring(0, MAX_LENGTH - 1).stripTrailing() + "…";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        for (String line : text.split("\\R")) {
            String cleaned = SPACES.matcher(line).replaceAll(" ").strip();
            if (!cleaned.isEmpty()) {
                return cleaned;
            }
        }
        return null;
    }

    /** The text of an HTML body, line breaks where blocks end; only the entities text commonly has are decoded. */
    private static String text(String html) {
        if (html == null) {
            return null;
        }
        String text = HIDDEN.matcher(html).replaceAll("");
        text = BLOCK_BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
