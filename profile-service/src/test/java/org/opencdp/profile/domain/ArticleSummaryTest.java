package org.opencdp.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of a ticket article is kept: subject and first line, never the whole body. */
class ArticleSummaryTest {

    @Test
    void anHtmlBodyGivesItsFirstLineOfTextAfterTheSubject() {
        String body = "<div style=\"color:red\">Hello,&nbsp;I have a question &amp; a wish.</div><div><br></div>"
                + "<div>Order 4711 was charged twice.</div>";
        assertThat(ArticleSummary.of("Invoice question", body, true))
                .isEqualTo("Invoice question: Hello, I have a question & a wish.");
    }

    @Test
    void styleAndScriptAreNotText() {
        String body = "<html><head><style>p{color:red}</style></head><body><script>x()</script><p>Thanks!</p></body>";
        assertThat(ArticleSummary.of(null, body, true)).isEqualTo("Thanks!");
    }

    @Test
    void aPlainBodyKeepsTagsAsTextAndSkipsBlankLines() {
        assertThat(ArticleSummary.of(" ", "\n\n  Is <b> a tag?  \nSecond line", false))
                .isEqualTo("Is <b> a tag?");
    }

    @Test
    void aSubjectAloneOrTheSameAsTheFirstLineIsNotRepeated() {
        assertThat(ArticleSummary.of("Invoice question", null, false)).isEqualTo("Invoice question");
        assertThat(ArticleSummary.of("Invoice question", "Invoice question\nmore", false))
                .isEqualTo("Invoice question");
        assertThat(ArticleSummary.of(null, "", true)).isNull();
    }

    @Test
    void aLongSummaryIsCutAtTheLimitWithAnEllipsis() {
        String summary = ArticleSummary.of("Subject", "x".repeat(10_000), false);
        assertThat(summary).hasSize(ArticleSummary.MAX_LENGTH).endsWith("…").startsWith("Subject: xxx");
    }
}
