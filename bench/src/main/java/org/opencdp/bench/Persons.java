package org.opencdp.bench;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The persons the benchmark creates, complete as a shop or CRM would send them (address, e-mail, phone, masked
 * payment method, interests), each distinct by e-mail address and phone number, derived from its number so that
 * runs are repeatable.
 */
final class Persons {

    private static final String[] WOMEN = {
        "Anna",
        "Maria",
        "Julia",
        "Laura",
        "Lena",
        "Sarah",
        "Katharina",
        "Sophie",
        "Hannah",
        "Lea",
        "Sabine",
        "Petra",
        "Monika",
        "Ursula",
        "Claudia",
        "Andrea",
        "Stefanie",
        "Nicole",
        "Jana",
        "Emilia",
        "Zoë"
    };
    private static final String[] MEN = {
        "Thomas",
        "Michael",
        "Andreas",
        "Stefan",
        "Christian",
        "Markus",
        "Alexander",
        "Daniel",
        "Tobias",
        "Jan",
        "Lukas",
        "Felix",
        "Jonas",
        "Paul",
        "Peter",
        "Klaus",
        "Wolfgang",
        "Uwe",
        "Jörg",
        "Matthias"
    };
    private static final String[] FAMILY = {
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "Schäfer",
        "Koch",
        "Bauer",
        "Richter",
        "Klein",
        "Wolf",
        "Schröder",
        "Neumann",
        "Schwarz",
        "Zimmermann",
        "Braun",
        "Krüger",
        "Hofmann",
        "Hartmann",
        "Lange",
        "Schmitt",
        "Werner",
        "Krause",
        "Meier",
        "Lehmann",
        "Yılmaz",
        "Nowak",
        "Kowalski",
        "Rossi",
        "Papadopoulos"
    };
    private static final String[] STREETS = {
        "Hauptstraße",
        "Schulstraße",
        "Gartenstraße",
        "Bahnhofstraße",
        "Dorfstraße",
        "Bergstraße",
        "Birkenweg",
        "Lindenstraße",
        "Kirchstraße",
        "Waldstraße",
        "Ringstraße",
        "Schillerstraße",
        "Goethestraße",
        "Am Markt",
        "Rosenweg"
    };
    /** A city and the first three digits of its postcodes. */
    private static final String[][] CITIES = {
        {"Berlin", "101"},
        {"Hamburg", "201"},
        {"München", "803"},
        {"Köln", "506"},
        {"Frankfurt am Main", "603"},
        {"Stuttgart", "701"},
        {"Düsseldorf", "402"},
        {"Leipzig", "041"},
        {"Dortmund", "441"},
        {"Essen", "451"},
        {"Bremen", "281"},
        {"Dresden", "010"},
        {"Hannover", "301"},
        {"Nürnberg", "904"},
        {"Freiburg im Breisgau", "791"}
    };

    private static final String[] INTERESTS = {
        "outdoor",
        "dogs",
        "cooking",
        "cycling",
        "gardening",
        "travel",
        "fashion",
        "football",
        "photography",
        "wine",
        "running",
        "books"
    };
    private static final String[] SOURCES = {
        "WEBSITE",
        "ONLINE_SHOP",
        "STORE",
        "PHONE",
        "EVENT",
        "REFERRAL",
        "ADVERTISING",
        "SOCIAL_MEDIA",
        "PARTNER",
        "IMPORT"
    };

    private Persons() {}

    /**
     * A seeded customer, the one bench/wrk/search-customer.lua looks for: customer.i@example.de, 0151 (10,000,000
     * + i), so i must stay below 10,000,000.
     */
    static String seeded(int i) {
        return person(i, "Kunde", "Nummer " + i, "customer." + i + "@example.de", "0151 " + (10_000_000 + i));
    }

    /**
     * One of the customers that fill the database to its size: e-mail addresses and mobile numbers (0151 2…) that
     * none of the seeded or timed creates use, so every search still finds exactly its customer.
     */
    static String filler(int i) {
        boolean woman = i % 2 == 0;
        String given = pick(woman ? WOMEN : MEN, i / 2);
        String family = pick(FAMILY, i / 7);
        String email = ascii(given) + "." + ascii(family) + "." + i + "@example.de";
        long mobile = 20_000_000L + i;
        String phone = i % 3 == 0 ? "+49 151 " + mobile : "0151 " + mobile;
        return person(i, given, family, email, phone);
    }

    private static String person(int i, String given, String family, String email, String phone) {
        boolean woman = i % 2 == 0;
        String[] city = pick(CITIES, i / 3);
        String payment = i % 4 == 3
                ? "{\"type\":\"INVOICE\"}"
                : "{\"type\":\"CREDIT_CARD\",\"maskedReference\":\"**** **** **** %04d\"}".formatted(i % 10_000);
        return """
                {"type":"PERSON","salutation":"%s","givenName":"%s","familyName":"%s","birthDate":"%d-%02d-%02d",
                 "gender":"%s","language":"de",
                 "addresses":[{"type":"HOME","street":"%s %d","postcode":"%s%02d","city":"%s","country":"DE"}],
                 "emails":[{"address":"%s","primary":true}],
                 "phones":[{"number":"%s","type":"MOBILE","primary":true}],
                 "preferredPaymentMethod":%s,
                 "interests":["%s","%s"],"acquisitionSource":"%s"}""".formatted(
                        woman ? "MS" : "MR",
                        given,
                        family,
                        1940 + i % 65,
                        1 + i % 12,
                        1 + i % 28,
                        woman ? "FEMALE" : "MALE",
                        pick(STREETS, i / 5),
                        1 + i % 200,
                        city[1],
                        i % 100,
                        city[0],
                        email,
                        phone,
                        payment,
                        pick(INTERESTS, i),
                        pick(INTERESTS, i + 1 + (i / 12) % (INTERESTS.length - 1)),
                        pick(SOURCES, i / 11));
    }

    private static <T> T pick(T[] values, int i) {
        return values[Math.floorMod(i, values.length)];
    }

    /** "Jürgen Müller" -> "juergen", "mueller": how such names are written in e-mail addresses. */
    private static String ascii(String name) {
        String umlauts = name.replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss")
                .replace("Ä", "Ae")
                .replace("Ö", "Oe")
                .replace("Ü", "Ue")
                .replace("ı", "i");
        return Normalizer.normalize(umlauts, Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
