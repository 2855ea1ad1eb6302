package org.opencdp.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageAddressesTest {

    private final PageAddresses addresses = new PageAddresses(Set.of("customer"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://shop.example/tents|https://shop.example/tents",
                "https://shop.example/tents#reviews|https://shop.example/tents",
                "https://shop.example/?utm_source=news&email=jane%40example.com|https://shop.example/?utm_source=news",
                "https://shop.example/?e-mail=x&Mail=y&user_name=z&firstName=a&PHONE=1&tel=2&access_token=t&page=3|https://shop.example/?page=3",
                "https://shop.example/?ref=jane@example.com&q=tent|https://shop.example/?q=tent",
                "https://shop.example/?customerId=42&color=red|https://shop.example/?color=red",
                "https://shop.example/?token|https://shop.example/",
                "http://localhost:8083/tracker/demo.html?a=1&&b=2|http://localhost:8083/tracker/demo.html?a=1&b=2",
                "HTTPS://Shop.example/Tents|https://Shop.example/Tents"
            })
    void stripsFragmentsAndPersonalParameters(String given, String kept) {
        assertThat(addresses.minimise(given)).contains(kept);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"javascript:alert(1)", "/relative/path", "ftp://files.example/x", "'https://exa mple.com/'", "''"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String given) {
        assertThat(addresses.minimise(given)).isEqualTo(Optional.empty());
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongAddresses() {
        assertThat(addresses.minimise("https://shop.example/?q=" + "x".repeat(PageAddresses.MAX_LENGTH)))
                .isEmpty();
        assertThat(addresses.minimise(null)).isEmpty();
    }
}
