package ca.passage.app;

import ca.passage.access.AccessGate;
import ca.passage.access.AccessWiring;
import ca.passage.api.ApiDocuments;
import ca.passage.api.HttpLayerProblems;
import ca.passage.ledger.AuditAction;
import ca.passage.api.AuditApi;
import ca.passage.api.LifecycleApi;
import ca.passage.api.NoticeApi;
import ca.passage.api.OperatorApi;
import ca.passage.crypto.FreshnessCheck;
import ca.passage.crypto.InboundGuard;
import ca.passage.inbound.InboundSteps;
import ca.passage.partner.PartnerSuspensions;
import ca.passage.inbound.SeenMessageStore;
import ca.passage.inbound.UnidentifiedRefusals;
import ca.passage.api.RestHttpEngine;
import ca.passage.api.SwaggerUi;
import ca.passage.broker.EmbeddedBroker;
import ca.passage.console.ConsoleAnswers;
import ca.passage.console.ConsoleForms;
import ca.passage.console.ConsolePages;
import ca.passage.console.ConsoleQueries;
import ca.passage.console.Csrf;
import ca.passage.as4.As4Codec;
import ca.passage.as4.As4HttpClient;
import ca.passage.channel.PartnerHttpChannel;
import ca.passage.channel.as4.As4Endpoint;
import ca.passage.channel.as4.As4PartnerChannel;
import ca.passage.crypto.CryptoConfig;
import ca.passage.crypto.KeyDirectory;
import ca.passage.crypto.Keyring;
import ca.passage.crypto.MessageOpener;
import ca.passage.crypto.MessageSealer;
import ca.passage.crypto.TrustStore;
import ca.passage.intake.NoticeApproval;
import ca.passage.intake.PayloadDigests;
import ca.passage.intake.NoticeIntake;
import ca.passage.store.ArchiveKeys;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditJobs;
import ca.passage.ledger.AuditLedger;
import ca.passage.ledger.CheckpointSigner;
import ca.passage.ledger.CheckpointWitness;
import ca.passage.store.Database;
import ca.passage.store.DomesticResponseStore;
import ca.passage.store.ExchangeStore;
import ca.passage.store.MessageArchive;
import ca.passage.notice.NoticeParser;
import ca.passage.notice.NoticeRules;
import ca.passage.outbound.AckMonitor;
import ca.passage.outbound.DeliveryEngine;
import ca.passage.outbound.DomesticResponses;
import ca.passage.outbound.LifecycleRequests;
import ca.passage.inbound.InboundLifecycle;
import ca.passage.outbound.OutboundSteps;
import ca.passage.outbound.QueueSteps;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerProfileLoader;
import ca.passage.partner.PartnerRegistry;
import ca.passage.translate.TranslatorRegistry;
import ca.passage.translate.Translators;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.platform.http.PlatformHttpComponent;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The one place where Passage is assembled: configuration is loaded and validated, the store, ledger, broker and
 * crypto are opened, beans are bound for the YAML routes, and one outbound route is made per partner.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    public static final int MAX_NOTICE_BYTES = 512 * 1024;
    /** The largest AS4 payload accepted once decompressed (a partner-format notice is far smaller). */
    static final long MAX_AS4_PAYLOAD_BYTES = 8L * 1024 * 1024;
    /** Refusals no partner can be held to are counted per this window (routes/inbound.camel.yaml's timer too). */
    static final Duration UNIDENTIFIED_REFUSALS_WINDOW = Duration.ofMinutes(1);

    private final GatewaySettings settings;
    private final Clock clock = Clock.systemUTC();
    private final TranslatorRegistry translators;
    private final CryptoConfig crypto;
    private final PartnerRegistry partners;
    private Database database;
    private AuditLedger ledger;
    private CheckpointWitness witness;
    private ExchangeStore store;
    private MessageArchive archive; // raw messages as sent/received, encrypted at rest (issue 5)
    private EmbeddedBroker broker;
    private CachingConnectionFactory connectionFactory;
    private Main main;
    private AccessWiring access;
    private boolean closed;

    public Gateway(GatewaySettings settings) {
        this.settings = settings;
        this.translators = Translators.standard();
        this.crypto = CryptoConfig.load(settings.cryptoConfig());
        this.partners = new PartnerProfileLoader(translators.formats(), crypto.profiles().keySet())
                .loadRegistry(settings.partnerProfiles());
    }

    public PartnerRegistry partners() {
        return partners;
    }

    public ExchangeStore store() {
        return store;
    }

    public javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    /** The gateway certificate that verifies the audit checkpoints (no private key). */
    public CheckpointSigner checkpointVerifier() {
        try {
            return CheckpointSigner.fromKeysDir(settings.keysDir(), false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the gateway certificate: " + e.getMessage());
        }
    }

    /** Signs the audit chain's head now (the demo does before it verifies, so the summary covers a signature). */
    public void checkpointAuditChain() {
        ledger.checkpointNow();
    }

    /** The message archive: outbound/inbound steps store each raw signed message here (issue 5). */
    public MessageArchive archive() {
        return archive;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public void start() {
        try {
            Files.createDirectories(settings.dataDir());
            Files.createDirectories(settings.inbox());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create data folder " + settings.dataDir() + ": " + e.getMessage());
        }
        requireKeys();
        warnAboutExpiringCertificates();
        openStoreAndLedger();
        openBroker();
        main = new Main();
        // Access security (issue 10): HTTPS listeners, the access gate, mutual TLS to partners (ca.passage.access).
        access = AccessWiring.create(settings, partners.all(), ledger, clock);
        configureCamel();
        Security security = openSecurity();
        NoticeParser parser = new NoticeParser(new NoticeRules(partners::refusalFor), MAX_NOTICE_BYTES, clock);
        PartnerSuspensions suspensions = new PartnerSuspensions(database.dataSource(), ledger, clock);
        DomesticResponseStore responseStore = new DomesticResponseStore(database.dataSource(), ledger, clock);
        DomesticResponses responses = new DomesticResponses(store, responseStore, partners, clock);
        bindIntake(parser);
        As4PartnerChannel as4 = new As4PartnerChannel(security.keyring(), id -> security.trust().of(id).trust(),
                As4PartnerChannel.anchorsIn(settings.keysDir()), new As4Codec(clock, MAX_AS4_PAYLOAD_BYTES),
                new As4HttpClient(access.transport()::clientFor, settings.deliveryTimeout(),
                        crypto.policy().maxMessageBytes()), false);
        bindOutbound(parser, security, responseStore, responses, as4);
        bindInbound(parser, security, suspensions, as4);
        bindOperations(suspensions, responses);
        bindAudit();
        main.bind("apiDocuments", new ApiDocuments());
        SwaggerUi.mount(access.listeners().routes());
        bindConsole(suspensions);
        main.start();
        access.listen();
        // Errors the HTTP layer answers itself (404, 405, 413...) are problem+json on every listener too.
        HttpLayerProblems.installOn(access.listeners().root());
        HttpLayerProblems.install(main.getCamelContext(), settings.managementPort());
        addOutboundRoutes(suspensions.suspended());
        auditStart();
        LOG.info("Passage gateway up: officers https://{}:{}, partners https://{}:{}{}, health http://{}:{}/observe/health, "
                        + "{} partner(s)", settings.listeners().bindAddress(), settings.httpPort(),
                settings.listeners().bindAddress(), settings.listeners().partnerPort(), AccessGate.PARTNER_PATHS,
                settings.listeners().managementBind(), settings.managementPort(), partners.all().size());
    }

    /** The gateway's keys and the partners' pinned certificates, and what seals and opens messages with them. */
    private record Security(TrustStore trust, MessageSealer sealer, MessageOpener opener, Keyring keyring) {
    }

    private void openStoreAndLedger() {
        database = Database.open(settings.effectiveDbUrl(), settings.dbUser(), settings.dbPassword());
        try {
            ledger = new AuditLedger(database.dataSource(), clock, CheckpointSigner.fromKeysDir(settings.keysDir(), true));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the ledger key for audit checkpoints (run keys init to issue it): " + e.getMessage());
        }
        store = new ExchangeStore(database.dataSource(), ledger, clock);
        archive = new MessageArchive(database.dataSource(), ledger, ArchiveKeys.load(settings.keysDir(),
                database.dataSource()), clock);
    }

    private void openBroker() {
        String brokerUrl = settings.brokerUrl();
        if (brokerUrl == null) {
            broker = new EmbeddedBroker(settings.dataDir(), partners.all());
            broker.start();
            brokerUrl = EmbeddedBroker.IN_VM_URL;
        }
        connectionFactory = new CachingConnectionFactory(new ActiveMQConnectionFactory(brokerUrl));
        connectionFactory.setSessionCacheSize(10);
        // Consumers belong to their listener containers: a cached consumer outliving a stopped route (a suspended
        // partner) would keep messages in its client buffer where a restarted route cannot see them.
        connectionFactory.setCacheConsumers(false);
    }

    private void configureCamel() {
        main.configure().withRoutesIncludePattern("classpath:routes/*.camel.yaml");
        main.addInitialProperty("camel.main.name", "passage");
        main.addInitialProperty("camel.server.enabled", "false"); // the HTTPS listeners are ca.passage.access's
        main.addInitialProperty("camel.management.host", settings.listeners().managementBind());
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.port", String.valueOf(settings.managementPort()));
        main.addInitialProperty("camel.management.healthCheckEnabled", "true");
        main.addInitialProperty("camel.management.metricsEnabled", "true");
        main.addInitialProperty("camel.metrics.enabled", "true");
        main.addInitialProperty("camel.metrics.binders", "jvm-info,jvm-memory,jvm-thread,file-descriptor");
        // Per-route counts and timings (camel_exchanges_total, ...) come from the route policy. The exchange event
        // notifier would add per-endpoint timers, and it looks its last-exchange gauge up by name in the registry
        // (a scan of every meter) on every completed exchange: a few percent of the gateway's CPU under load.
        main.addInitialProperty("camel.metrics.enableExchangeEventNotifier", "false");
        main.addInitialProperty("camel.rest.component", "platform-http");
        main.addInitialProperty("camel.rest.port", String.valueOf(settings.httpPort()));
        // Inlining would fold a direct: route into the REST route that names it, and the JMS inbound route, which
        // shares direct:inbound-message with the HTTP one, would find no consumer.
        main.addInitialProperty("camel.rest.inlineRoutes", "false");
        main.addInitialProperty("passage.inbox", settings.inbox().toAbsolutePath().toString());
        main.addInitialProperty("passage.domestic", settings.domesticFolder().toAbsolutePath().toString());
        main.bind("jms", JmsComponent.jmsComponent(connectionFactory));
        PlatformHttpComponent platformHttp = new PlatformHttpComponent();
        platformHttp.setEngine(new RestHttpEngine(settings.httpPort()));
        main.bind("platform-http", platformHttp);
        main.bind(access.listeners().routerName(), access.listeners().camelRouter());
    }

    private Security openSecurity() {
        // A PKCS#12 keystore named in crypto-config/keystore.yaml wins; otherwise the PEM layout in the keys folder.
        Keyring keyring = crypto.keystore().pkcs12() != null
                ? Keyring.load(crypto.keystore(), KeyDirectory.GATEWAY, System.getenv())
                : Keyring.load(settings.keysDir(), KeyDirectory.GATEWAY);
        return new Security(new TrustStore(settings.keysDir(), crypto, partners.all()),
                new MessageSealer(keyring, crypto.policy(), clock), new MessageOpener(keyring, crypto.policy(), clock),
                keyring);
    }

    /** Intake (routes/intake.camel.yaml): officers' notices, approval, and the one way onto the outbound queues. */
    private void bindIntake(NoticeParser parser) {
        NoticeIntake intake = new NoticeIntake(parser, store, partners, translators, clock);
        main.bind("noticeApi", new NoticeApi(intake, new NoticeApproval(store,
                new PayloadDigests(store, partners, parser, translators), ledger, clock), store));
        // a notice's lifecycle (routes/lifecycle.camel.yaml); the outbound route wraps its requests
        LifecycleRequests lifecycle = new LifecycleRequests(store, clock);
        main.bind("lifecycleRequests", lifecycle);
        main.bind("lifecycleApi", new LifecycleApi(lifecycle, intake));
    }

    /** Outbound (routes/outbound.camel.yaml, acknowledgements.camel.yaml): notices and responses to partners. */
    private void bindOutbound(NoticeParser parser, Security security, DomesticResponseStore responseStore,
                              DomesticResponses responses, As4PartnerChannel as4) {
        PartnerHttpChannel channel = new PartnerHttpChannel(access.transport(), settings.deliveryTimeout(),
                crypto.policy().maxMessageBytes());
        main.bind("outboundSteps", new OutboundSteps(store, partners, parser, translators, clock));
        main.bind("domesticResponses", responses);
        main.bind("deliveryEngine", new DeliveryEngine(store, responseStore, security.trust(), security.sealer(),
                security.opener(), channel, as4, archive, database.dataSource(), ledger, clock));
        main.bind("queueSteps", new QueueSteps(store, responseStore, clock, Duration.ofSeconds(15)));
        main.bind("ackMonitor", new AckMonitor(store, partners, clock));
    }

    /** Inbound (routes/inbound.camel.yaml): partners' messages, refused or handed to the domestic side. */
    private void bindInbound(NoticeParser parser, Security security, PartnerSuspensions suspensions,
                             As4PartnerChannel as4) {
        SeenMessageStore seen = new SeenMessageStore(database.dataSource(), crypto.policy().replayWindow(), clock);
        main.bind("replayMemory", seen);
        InboundGuard guard = new InboundGuard(security.opener(), new FreshnessCheck(crypto.policy(), clock), seen);
        UnidentifiedRefusals unidentified = new UnidentifiedRefusals(ledger, clock, UNIDENTIFIED_REFUSALS_WINDOW);
        main.bind("unidentifiedRefusals", unidentified);
        InboundSteps inbound = new InboundSteps(partners, suspensions::isSuspended, security.trust(), guard,
                security.sealer(), translators, parser, store, ledger, archive, seen, unidentified,
                crypto.policy().maxMessageBytes(), clock);
        main.bind("inboundSteps", inbound);
        main.bind("inboundLifecycle", new InboundLifecycle(inbound, store, ledger, archive, settings.domesticFolder(), clock));
        main.bind("as4Endpoint", new As4Endpoint(partners, as4, inbound, seen, archive, ledger, clock));
    }

    /** Operations (routes/operations.camel.yaml): resend, cancel, suspend, resume, forward, respond. */
    private void bindOperations(PartnerSuspensions suspensions, DomesticResponses responses) {
        main.bind("operatorApi", new OperatorApi(store, partners, suspensions, ledger, responses, clock));
    }

    /** Audit (routes/audit.camel.yaml): the auditors' API, checkpoints and the archive purge. */
    private void bindAudit() {
        main.bind("auditApi", new AuditApi(database.dataSource(), ledger, checkpointVerifier(), clock));
        witness = new CheckpointWitness(settings.checkpointLog(), settings.witnessEndpoint());
        main.bind("auditJobs", new AuditJobs(ledger, archive, partners::all, clock, witness));
    }

    /** The web console (routes/console.camel.yaml): pages over the same beans and routes as the REST API. */
    private void bindConsole(PartnerSuspensions suspensions) {
        Csrf csrf = new Csrf();
        main.bind("consoleForms", new ConsoleForms(csrf, clock));
        main.bind("consolePages", new ConsolePages(csrf, new ConsoleQueries(database.dataSource()), store, partners,
                suspensions, new KeyDirectory(settings.keysDir()), database.dataSource(), clock));
        main.bind("consoleAnswers", new ConsoleAnswers());
    }

    /** One outbound route per enabled partner; a suspended partner's stays stopped, so its queue holds. */
    private void addOutboundRoutes(Set<String> suspended) {
        try {
            for (PartnerProfile p : partners.all()) {
                if (p.enabled()) {
                    String routeId = TemplatedRouteBuilder.builder(main.getCamelContext(), "outbound-partner")
                            .routeId("outbound-" + p.id())
                            .parameter("partnerId", p.id())
                            .parameter("consumers", String.valueOf(p.channel().consumers()))
                            .add();
                    if (suspended.contains(p.id())) {
                        main.getCamelContext().getRouteController().stopRoute(routeId);
                        LOG.warn("partner {} is suspended: its queue holds until an operator resumes it", p.id());
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the outbound routes: " + e.getMessage(), e);
        }
    }

    /** The start and what it loaded, as digests: a configuration or key change shows in the ledger. */
    private void auditStart() {
        ledger.append(AuditEvent.of(clock.instant(), "system", AuditAction.GATEWAY_STARTED).withOutcome("OK", null));
        ledger.append(AuditEvent.of(clock.instant(), "system", AuditAction.PARTNER_PROFILES_LOADED)
                .withDigest(ConfigurationDigest.of(settings.partnerProfiles(), ".yaml")).withOutcome("OK", null));
        ledger.append(AuditEvent.of(clock.instant(), "system", AuditAction.CRYPTO_CONFIG_LOADED)
                .withDigest(ConfigurationDigest.of(settings.cryptoConfig(), ".yaml")).withOutcome("OK", null));
        // Certificates only: the digest shows a key change (rotation, new partner certificate), never a secret.
        ledger.append(AuditEvent.of(clock.instant(), "system", AuditAction.CERTIFICATES_LOADED)
                .withDigest(ConfigurationDigest.of(settings.keysDir(), ".cert.pem")).withOutcome("OK", null));
    }

    private void requireKeys() {
        if (!Files.exists(settings.keysDir().resolve("gateway.key.pem"))) {
            throw new IllegalStateException("no gateway key in " + settings.keysDir()
                    + ": run `./passage keys init --dir " + settings.keysDir() + "` first");
        }
    }

    private void warnAboutExpiringCertificates() {
        new KeyDirectory(settings.keysDir()).expiringWithin(clock.instant(), Duration.ofDays(30)).forEach(c ->
                LOG.warn("certificate {} ({}) expires {}: within 30 days", c.file(), c.subject(), c.notAfter()));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Camel stops first and drains the deliveries in flight; then the broker, the ledger and the store.
        if (main != null) {
            main.stop();
        }
        if (access != null) {
            access.close();
        }
        if (connectionFactory != null) {
            connectionFactory.destroy();
        }
        if (broker != null) {
            broker.close();
        }
        if (ledger != null) {
            ledger.append(AuditEvent.of(clock.instant(), "system", AuditAction.GATEWAY_STOPPED).withOutcome("OK", null));
            ledger.close();
            if (witness != null) {
                witness.publishFrom(ledger); // the final checkpoint, too
            }
        }
        if (database != null) {
            database.close();
        }
    }
}
