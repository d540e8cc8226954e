package ca.passage.partner;

import ca.passage.crypto.CryptoConfig;
import ca.passage.translate.Translators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped profiles load; every broken profile stops loading with a message naming its file and field. */
class PartnerProfileLoaderTest {

    private static final Path SHIPPED = Path.of("partner-profiles");

    @TempDir
    Path dir;

    private static PartnerProfileLoader loader() {
        return new PartnerProfileLoader(Translators.standard().formats(),
                CryptoConfig.load(Path.of("crypto-config")).profiles().keySet());
    }

    @Test
    void theThreeShippedProfilesLoad() {
        PartnerRegistry registry = loader().loadRegistry(SHIPPED);
        assertThat(registry.all()).extracting(PartnerProfile::id)
                .containsExactlyInAnyOrder("interpol-hub", "eu-agency", "us-hsi");
        PartnerProfile hub = registry.get("interpol-hub");
        assertThat(hub.format()).isEqualTo("interpol-notice");
        assertThat(hub.cryptoProfile()).isEqualTo("rsa-compat");
        assertThat(hub.channel().endpoint().getPort()).isEqualTo(9101);
        assertThat(hub.acknowledgementTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(hub.enabled()).isTrue();
        assertThat(registry.all()).allSatisfy(p -> assertThat(p.retry().maxAttempts()).isPositive());
        assertThat(hub.agreement().victimFields()).as("no victim-centred field leaves unless named").isEmpty();
        assertThat(registry.get("us-hsi").agreement().victimFields())
                .containsExactlyInAnyOrder(VictimField.CONTINUED_PRESENCE_REFERRAL, VictimField.T_VISA_REFERRAL);
        assertThat(registry.get("eu-agency").agreement().victimFields())
                .containsExactly(VictimField.REFLECTION_PERIOD_REFERRAL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing field         | ^name: .*$                                   |                                              | name",
            "unknown field         | ^enabled: true$                              | enabled: true\\npriority: high                | priority",
            "bad URL               | endpoint: https://127.0.0.1:9103/            | endpoint: ftp://127.0.0.1:9103/              | channel.endpoint",
            "URL without host      | endpoint: https://127.0.0.1:9103/            | endpoint: http:///                           | channel.endpoint",
            "bad duration          | acknowledgementTimeout: PT2M                 | acknowledgementTimeout: two minutes          | acknowledgementTimeout",
            "negative duration     | initialDelay: PT1S                           | initialDelay: -PT1S                          | retry.initialDelay",
            "unknown format        | format: us-niem                              | format: us-niem-9                            | format",
            "unknown crypto        | cryptoProfile: ec                            | cryptoProfile: des                           | cryptoProfile",
            "default above max     | defaultHandlingCode: H1                      | defaultHandlingCode: H3                      | agreement.defaultHandlingCode",
            "unknown category      | allowedCategories: \\[SUSPECT_IDENTITY,        | allowedCategories: [DNA_PROFILES,            | agreement.allowedCategories",
            "bad country           | country: US                                  | country: USA                                 | country",
            "enabled not boolean   | ^enabled: true$                              | enabled: maybe                               | enabled",
            "no consumers          | endpoint: https://127.0.0.1:9103/             | consumers: 0\\n  endpoint: https://127.0.0.1:9103/ | channel.consumers",
            "consumers not a number| endpoint: https://127.0.0.1:9103/             | consumers: many\\n  endpoint: https://127.0.0.1:9103/ | channel.consumers",
            "unknown victim field  | victimFields: \\[CONTINUED_PRESENCE_REFERRAL,  | victimFields: [HOME_ADDRESS,                 | agreement.victimFields",
            "referral of another country | victimFields: \\[CONTINUED_PRESENCE_REFERRAL, | victimFields: [REFLECTION_PERIOD_REFERRAL, | agreement.victimFields",
    })
    void aBrokenProfileStopsLoadingNamingFileAndField(String what, String regex, String replacement, String field)
            throws IOException {
        Path profiles = copyShipped(yaml -> yaml.replaceAll("(?m)" + regex, replacement == null ? "" : replacement.replace("\\n", "\n")),
                "us-hsi.yaml");
        assertThatThrownBy(() -> loader().load(profiles))
                .isInstanceOf(PartnerProfileException.class)
                .hasMessageContaining("us-hsi.yaml")
                .hasMessageContaining("field '" + field + "'");
    }

    @Test
    void aChannelDeliversOneAtATimeUnlessItsProfileAsksForMoreConsumers() throws IOException {
        assertThat(loader().loadRegistry(SHIPPED).get("us-hsi").channel().consumers()).isEqualTo(1);
        Path profiles = copyShipped(yaml -> yaml.replace("  endpoint:", "  consumers: 4\n  endpoint:"), "us-hsi.yaml");
        assertThat(loader().loadRegistry(profiles).get("us-hsi").channel().consumers()).isEqualTo(4);
    }

    @Test
    void aFileNotNamedAfterItsIdIsRefused() throws IOException {
        Path profiles = copyShipped(UnaryOperator.identity(), null);
        Files.move(profiles.resolve("us-hsi.yaml"), profiles.resolve("hsi.yaml"));
        assertThatThrownBy(() -> loader().load(profiles))
                .isInstanceOf(PartnerProfileException.class)
                .hasMessageContaining("hsi.yaml").hasMessageContaining("field 'id'")
                .hasMessageContaining("must be named us-hsi.yaml");
    }

    @Test
    void aSecondProfileWithAnIdAlreadyUsedIsRefused() throws IOException {
        // File names are unique and must be <id>.yaml, so a duplicate id always shows up as a misnamed file.
        Path profiles = copyShipped(UnaryOperator.identity(), null);
        Files.copy(SHIPPED.resolve("us-hsi.yaml"), profiles.resolve("us-hsi-copy.yaml"));
        assertThatThrownBy(() -> loader().load(profiles))
                .isInstanceOf(PartnerProfileException.class)
                .hasMessageContaining("us-hsi-copy.yaml").hasMessageContaining("field 'id'");
    }

    @Test
    void anEmptyOrMissingFolderIsRefused() throws IOException {
        assertThatThrownBy(() -> loader().load(dir.resolve("nowhere"))).hasMessageContaining("not found");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> loader().load(empty)).hasMessageContaining("no partner profile");
    }

    private Path copyShipped(UnaryOperator<String> edit, String fileToEdit) throws IOException {
        Path target = Files.createDirectories(dir.resolve("profiles"));
        try (var files = Files.list(SHIPPED)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String yaml = Files.readString(f);
                if (f.getFileName().toString().equals(fileToEdit)) {
                    String edited = edit.apply(yaml);
                    assertThat(edited).as("the edit must change the file").isNotEqualTo(yaml);
                    yaml = edited;
                }
                Files.writeString(target.resolve(f.getFileName()), yaml);
            }
        }
        return target;
    }
}
