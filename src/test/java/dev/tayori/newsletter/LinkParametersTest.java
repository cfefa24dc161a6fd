package dev.tayori.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The campaign's link-parameters replace the link's own of the same name; the rest and the fragment stay. */
class LinkParametersTest {
    static final Map<String, String> UTM = new LinkedHashMap<>(Map.of("utm_source", "tayori"));

    static {
        UTM.put("utm_medium", "email");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://b.jp/a/                                   | https://b.jp/a/?utm_source=tayori&utm_medium=email",
            "https://b.jp/a/?utm_source=twitter                | https://b.jp/a/?utm_source=tayori&utm_medium=email",
            "https://b.jp/a/?p=1&utm_source=twitter&x=2#midashi | https://b.jp/a/?p=1&utm_source=tayori&x=2&utm_medium=email#midashi",
            "https://b.jp/a/?utm_source=a&utm_source=b          | https://b.jp/a/?utm_source=tayori&utm_medium=email",
            "https://b.jp/a/?utm%5Fsource=a                     | https://b.jp/a/?utm_source=tayori&utm_medium=email",
            "https://b.jp/a/?&&p=1&#top                         | https://b.jp/a/?p=1&utm_source=tayori&utm_medium=email#top",
            "https://b.jp/a/#?utm_source=frag                   | https://b.jp/a/?utm_source=tayori&utm_medium=email#?utm_source=frag",
            "https://b.jp/a/?q=%E3%81%82&bad=%zz               | https://b.jp/a/?q=%E3%81%82&bad=%zz&utm_source=tayori&utm_medium=email"})
    void sameNamesAreReplacedTheRestKeptTheFragmentLast(String link, String expected) {
        assertEquals(expected, LinkParameters.merge(link, UTM));
    }

    @Test
    void japaneseValuesAndSpacesArePercentEncodedAsUtf8() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("utm_campaign", "こころの便り 12月");
        p.put("a&b", "c=d#e+f");
        assertEquals("https://b.jp/?utm_campaign=%E3%81%93%E3%81%93%E3%82%8D%E3%81%AE%E4%BE%BF%E3%82%8A%2012%E6%9C%88"
                + "&a%26b=c%3Dd%23e%2Bf", LinkParameters.merge("https://b.jp/", p));
    }

    @Test
    void withNoParametersTheLinkIsUntouched() {
        assertEquals("https://b.jp/a/?utm_source=x#f", LinkParameters.merge("https://b.jp/a/?utm_source=x#f", Map.of()));
    }
}
