package dev.tayori.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ids and counts go into links and form actions, so templates print them as bare digits. */
class NumbersInTemplatesTest {
    @Test
    void anIdOfAThousandOrMorePrintsWithoutAGroupingComma() {
        Templates templates = new Templates(Path.of("templates"));
        String link = templates.renderInline("test:1", "/admin/subscribers/${id}/unbounce ${n}人",
                Map.of("id", 1234L, "n", 1000000));
        assertEquals("/admin/subscribers/1234/unbounce 1000000人", link);
    }
}
