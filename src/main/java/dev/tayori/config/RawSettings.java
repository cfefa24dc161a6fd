package dev.tayori.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Setting values as text, each with where it came from, so an error can point at its origin. */
final class RawSettings {
    record Value(String text, String origin) {
    }

    private final Map<String, Value> values = new LinkedHashMap<>();

    void put(String key, String text, String origin) {
        values.put(key, new Value(text, origin));
    }

    Value get(String key) {
        return values.get(key);
    }

    Map<String, Value> all() {
        return values;
    }
}
