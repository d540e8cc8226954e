package ca.passage.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A row's {@code {x}} is exactly one non-empty path segment; every other segment must be itself. */
class AccessTableTest {

    private static String rowFor(String method, String path) {
        return AccessTable.ruleFor(method, path).map(AccessTable.Rule::path).orElse("none");
    }

    @Test
    void aPlaceholderIsOneNonEmptySegment() {
        assertThat(rowFor("GET", "/api/v1/notices/CA-2026-000102")).isEqualTo("/api/v1/notices/{id}");
        assertThat(rowFor("GET", "/api/v1/notices/CA-2026-000102/preview")).isEqualTo("/api/v1/notices/{id}/preview");
        assertThat(rowFor("GET", "/api/v1/notices/CA-2026-000102/")).isEqualTo("/api/v1/notices/{id}");
        assertThat(rowFor("GET", "/api/v1/notices//preview")).isEqualTo("none");
        assertThat(rowFor("GET", "/api/v1/notices/a/b/preview")).isEqualTo("none");
        assertThat(rowFor("GET", "/api/v1/notices/a/b")).isEqualTo("none");
    }

    @Test
    void literalSegmentsMatchOnlyThemselves() {
        assertThat(rowFor("POST", "/api/v1/notices")).isEqualTo("/api/v1/notices");
        assertThat(rowFor("POST", "/api/v1/Notices")).isEqualTo("none");
        assertThat(rowFor("POST", "/api/v1/notices.json")).isEqualTo("none");
        assertThat(rowFor("GET", "/api/v1/notices")).isEqualTo("none");
        assertThat(rowFor("GET", "/api/v1/audit/verify")).isEqualTo("/api/v1/audit/verify");
        assertThat(rowFor("GET", "/api/v1/audit/verify/x")).isEqualTo("none");
        assertThat(rowFor("GET", "/console")).isEqualTo("/console");
    }
}
