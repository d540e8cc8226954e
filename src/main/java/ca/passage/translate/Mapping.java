package ca.passage.translate;

import java.util.List;

/** Small null-safe helpers for the partner-format records, whose absent lists Jackson reads as null. */
final class Mapping {

    private Mapping() {
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    static <T> T first(List<T> l) {
        return l == null || l.isEmpty() ? null : l.get(0);
    }
}
