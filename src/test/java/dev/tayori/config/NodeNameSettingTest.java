package dev.tayori.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** node.name: one short visible word, or by default the host name and the process id. */
class NodeNameSettingTest {
    private static Settings load(String nodeName) {
        return SettingsLoader.load(null, Map.of("TAYORI_NODE_NAME", nodeName), Map.of());
    }

    @Test
    void unsetItIsTheHostNameAndTheProcessId() {
        String name = SettingsLoader.load(null, Map.of(), Map.of()).nodeName();
        assertTrue(name.endsWith("-" + ProcessHandle.current().pid()), name);
        assertTrue(name.length() > String.valueOf(ProcessHandle.current().pid()).length() + 1, name);
        assertEquals(null, NodeName.problem(name), "the default passes its own check: " + name);
        assertEquals(name, load("").nodeName(), "empty is unset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"web1", "tokyo-2", "web1.example.jp", "東京1", "node_3:a"})
    void aShortVisibleNameIsTaken(String name) {
        assertEquals(name, load(name).nodeName());
    }

    @Test
    void spacesAroundTheNameAreDropped() {
        assertEquals("web1", load("  web1 ").nodeName());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("web 1", "spaces"),
                Arguments.of("web\t1", "spaces"),
                Arguments.of("web1\nweb2", "control characters"),
                Arguments.of("web\u00001", "control characters"),
                Arguments.of("web\u200b1", "invisible"), // a zero-width space
                Arguments.of("web\u30001", "spaces"), // an ideographic space
                Arguments.of("web\u202e1", "invisible"), // a bidi override
                Arguments.of("w".repeat(65), "1 to 64 characters"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void anythingElseIsRefusedNamingTheKeyAndWhereItCameFrom(String name, String why) {
        SettingsException e = assertThrows(SettingsException.class, () -> load(name));
        assertTrue(e.getMessage().startsWith("setting node.name"), e.getMessage());
        assertTrue(e.getMessage().contains("environment variable TAYORI_NODE_NAME"), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }
}
