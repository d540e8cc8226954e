package ca.passage.notice;

import java.util.List;

/** Records keep immutable, never-null lists, whatever the mapper or caller handed them. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
