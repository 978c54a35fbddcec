package dev.paydesk.cases.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Macros, SOP checklists, CSAT surveys and saved views. */
@Service
class CaseWorkbenchService implements CaseWorkbench {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_.]+)\\s*}}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final PaymentQueries payments;
    private final CasesProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<dev.paydesk.cases.ArticleDirectory> articles;
    private volatile @Nullable CsatLinks links;

    CaseWorkbenchService(JdbcClient jdbc, CaseStore store, PaymentQueries payments, CasesProperties properties,
                         AuditLog audit, Clock clock,
                         org.springframework.beans.factory.ObjectProvider<dev.paydesk.cases.ArticleDirectory> articles) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.store = store;
        this.payments = payments;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Macro> macros(String language) {
        return jdbc.sql("""
                select distinct on (code) code, language, title, body, articles from cases_macro
                where language in (?, 'en') order by code, (language = ?) desc""")
                .params(language, language).query((rs, n) -> macro(rs)).list();
    }

    /** Reads a macro row of (code, language, title, body, articles). */
    static Macro macro(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Macro(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                List.of((String[]) rs.getArray(5).getArray()));
    }

    @Override
    public List<dev.paydesk.cases.ArticleDirectory.ArticleLink> macroArticles(Macro macro, String language) {
        var directory = articles.getIfAvailable();
        if (directory == null) {
            return List.of();
        }
        return macro.articles().stream().flatMap(id -> directory.article(id, language).stream()).toList();
    }

    @Override
    @Transactional
    public Macro saveMacro(Macro m) {
        if (!m.code().matches("[a-z0-9][a-z0-9-]*")) {
            throw new InvalidInputException("code", "a macro code is lower-case letters, digits and dashes");
        }
        List<String> links = m.articles().stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        if (!links.isEmpty()) {
            var directory = articles.getIfAvailable();
            List<String> unknown = links.stream().filter(a -> directory == null || !directory.exists(a)).toList();
            if (!unknown.isEmpty()) {
                throw new InvalidInputException("articles", "no article " + String.join(", ", unknown));
            }
        }
        jdbc.sql("""
                insert into cases_macro (code, language, title, body, articles) values (?, ?, ?, ?, ?)
                on conflict (code, language) do update set title = excluded.title, body = excluded.body,
                    articles = excluded.articles""")
                .params(m.code(), m.language(), m.title(), m.body(), links.toArray(String[]::new)).update();
        audit.record("case-macro.saved", "case_macro", m.code() + "/" + m.language(), null, null,
                Map.of("title", m.title(), "articles", links));
        return m;
    }

    @Override
    public String renderMacro(UUID caseId, String macroCode) {
        CaseSummary c = store.require(caseId);
        return render(c, Macro.find(macros(c.language()), macroCode));
    }

    @Override
    public String renderMacro(UUID caseId, Macro macro) {
        return render(store.require(caseId), macro);
    }

    private String render(CaseSummary c, Macro macro) {
        Map<String, String> values = placeholders(c);
        Matcher m = PLACEHOLDER.matcher(macro.body());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : "[" + m.group(1) + " unknown]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    Map<String, String> placeholders(CaseSummary c) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("case.key", c.key());
        values.put("case.subject", c.subject());
        values.put("customer.ref", c.customerRef() == null ? "" : c.customerRef());
        values.put("agent.name", CurrentUser.actorName());
        for (CaseLink link : store.links(c.id())) {
            if (link.kind() == LinkKind.ORDER) {
                values.putIfAbsent("order.ref", link.ref());
                Optional<OrderTimeline> t = payments.timeline(link.ref());
                t.ifPresent(timeline -> {
                    if (timeline.amountDue() != null) {
                        values.putIfAbsent("order.amount_due", timeline.amountDue().toString());
                    }
                    values.putIfAbsent("order.captured", timeline.balance().captured().toString());
                    values.putIfAbsent("order.refunded", timeline.balance().refunded().toString());
                    values.putIfAbsent("order.charged_back", timeline.balance().chargedBack().toString());
                });
            }
            if (link.kind() == LinkKind.PAYMENT) {
                values.putIfAbsent("payment.ref", link.ref());
            }
        }
        return values;
    }

    @Override
    public Optional<Sop> sop(CaseSummary c) {
        if (c.category() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, category, market, version, title, steps from cases_sop
                where category = ? and (market is null or market = ?)
                order by (market is not null) desc, version desc limit 1""")
                .params(c.category(), c.market()).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getString(5), CaseStore.strings(rs.getArray(6))})
                .optional().map(row -> {
                    long id = (Long) row[0];
                    @SuppressWarnings("unchecked")
                    List<String> texts = (List<String>) row[5];
                    Map<Integer, Object[]> done = new LinkedHashMap<>();
                    jdbc.sql("select step, done_by, done_at from cases_sop_check where case_id = ? and sop_id = ?")
                            .params(c.id(), id).query((rs, n) -> done.put(rs.getInt(1),
                                    new Object[] {rs.getString(2), rs.getTimestamp(3).toInstant()})).list();
                    List<Step> steps = new ArrayList<>();
                    for (int i = 0; i < texts.size(); i++) {
                        Object[] d = done.get(i + 1);
                        steps.add(new Step(i + 1, texts.get(i), d == null ? null : (String) d[0], d == null ? null : (Instant) d[1]));
                    }
                    return new Sop(id, (String) row[1], (String) row[2], (Integer) row[3], (String) row[4], steps);
                });
    }

    @Override
    @Transactional
    public Sop publishSop(String category, @Nullable String market, String title, List<String> steps) {
        dev.paydesk.platform.CurrentUser.enforce(p -> dev.paydesk.platform.AdministrationPolicy.mayEditSetting(p, market),
                () -> new dev.paydesk.shared.NotFoundException("market " + market + " does not exist"));
        if (steps.isEmpty()) {
            throw new InvalidInputException("steps", "an SOP needs at least one step");
        }
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from cases_sop where category = ? and market is not distinct from ?")
                .params(category, market).query(Integer.class).single();
        long id = jdbc.sql("insert into cases_sop (category, market, version, title, steps, created_at) values (?, ?, ?, ?, ?, ?) returning id")
                .params(category, market, version, title, steps.toArray(String[]::new), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("case-sop.published", "case_sop", Long.toString(id), market, null,
                Map.of("category", category, "version", version, "steps", steps.size()));
        List<Step> s = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            s.add(new Step(i + 1, steps.get(i), null, null));
        }
        return new Sop(id, category, market, version, title, s);
    }

    @Override
    @Transactional
    public void checkSopStep(UUID caseId, long sopId, int step) {
        CaseSummary c = store.lock(caseId);
        CaseInput.checkMarket(c);
        Sop sop = sop(c).filter(s -> s.id() == sopId)
                .orElseThrow(() -> new InvalidInputException("sop", "that SOP version is not the one for this case"));
        if (step < 1 || step > sop.steps().size()) {
            throw new InvalidInputException("step", "no step " + step);
        }
        Instant now = clock.instant();
        int inserted = jdbc.sql("insert into cases_sop_check (case_id, sop_id, step, done_by, done_at) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(caseId, sopId, step, CurrentUser.actorName(), Timestamp.from(now)).update();
        if (inserted == 1) {
            Map<String, Object> data = Map.of("sop", sop.title(), "version", sop.version(), "step", step,
                    "text", sop.steps().get(step - 1).text());
            store.appendEntry(caseId, dev.paydesk.cases.EntryKind.SOP_STEP, now, CurrentUser.actorName(), null, data, null);
            audit.record("case.sop-step-done", "case", c.key(), c.market(), null, data);
        }
    }

    @Override
    @Transactional
    public String withSurvey(UUID caseId, String message) {
        if (!properties.csat().enabled()) {
            return message;
        }
        CaseSummary c = store.require(caseId);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.csat().validFor());
        String nonce = HexFormat.of().formatHex(randomBytes(12));
        jdbc.sql("""
                insert into cases_csat (case_id, nonce, sent_at, expires_at) values (?, ?, ?, ?)
                on conflict (case_id) do update set nonce = excluded.nonce, sent_at = excluded.sent_at,
                    expires_at = excluded.expires_at, rating = null, comment = null, answered_at = null""")
                .params(caseId, nonce, Timestamp.from(now), Timestamp.from(expires)).update();
        audit.record("case.csat-sent", "case", c.key(), c.market(), null, Map.of("expiresAt", expires.toString()));
        String url = properties.baseUrl().replaceAll("/+$", "") + "/csat/" + csatLinks().sign(new CsatLinks.Claims(caseId, nonce, expires));
        return message + "\n\n" + surveyLine(c.language()) + "\n" + url;
    }

    private static String surveyLine(String language) {
        return switch (language) {
            case "de" -> "Wie zufrieden waren Sie mit unserer Hilfe? Bewerten Sie uns:";
            case "fr" -> "Êtes-vous satisfait de notre aide ? Donnez-nous votre avis :";
            case "nl" -> "Hoe tevreden bent u over onze hulp? Beoordeel ons:";
            case "sv" -> "Hur nöjd är du med vår hjälp? Betygsätt oss:";
            case "es" -> "¿Qué tan satisfecho está con nuestra ayuda? Valórenos:";
            case "it" -> "Quanto è soddisfatto del nostro aiuto? Ci valuti:";
            default -> "How happy are you with our help? Rate us:";
        };
    }

    /** A survey as the public page sees it, for a valid token. */
    record PublicSurvey(UUID caseId, String caseKey, String language, boolean answered, @Nullable Integer rating) {
    }

    Optional<PublicSurvey> survey(String token) {
        return csatLinks().verify(token, clock.instant()).flatMap(claims -> jdbc.sql("""
                select c.number, c.language, s.nonce, s.rating, s.answered_at from cases_csat s join cases_case c on c.id = s.case_id
                where s.case_id = ?""").param(claims.caseId()).query((rs, n) -> rs.getString(3).equals(claims.nonce())
                ? new PublicSurvey(claims.caseId(), CaseStore.key(rs.getLong(1)), rs.getString(2), rs.getTimestamp(5) != null,
                        (Integer) rs.getObject(4)) : null).optional());
    }

    @Transactional
    PublicSurvey answer(String token, int rating, @Nullable String comment) {
        if (rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "choose a rating from 1 to 5");
        }
        PublicSurvey s = survey(token).orElseThrow(() -> new NotFoundException("this survey link is invalid or has expired"));
        String text = comment == null ? null : dev.paydesk.platform.PanRedactor.redact(comment.strip());
        if (text != null && text.length() > 2000) {
            text = text.substring(0, 2000);
        }
        jdbc.sql("update cases_csat set rating = ?, comment = ?, answered_at = ? where case_id = ?")
                .params(rating, text, Timestamp.from(clock.instant()), s.caseId()).update();
        store.appendEntry(s.caseId(), dev.paydesk.cases.EntryKind.CSAT, clock.instant(), "customer", text, Map.of("rating", rating), null);
        audit.record("case.csat-answered", "case", s.caseKey(), store.require(s.caseId()).market(), null, Map.of("rating", rating));
        return new PublicSurvey(s.caseId(), s.caseKey(), s.language(), true, rating);
    }

    @Override
    public Optional<Survey> csat(UUID caseId) {
        return jdbc.sql("select sent_at, expires_at, rating, comment, answered_at from cases_csat where case_id = ?")
                .param(caseId).query((rs, n) -> new Survey(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        (Integer) rs.getObject(3), rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())).optional();
    }

    @Override
    public List<CsatRow> csatBy(String dimension) {
        String column = switch (dimension.toLowerCase(Locale.ROOT)) {
            case "queue" -> "coalesce(c.queue_code, '-')";
            case "agent" -> "coalesce(c.assignee, '-')";
            case "category" -> "coalesce(c.category, '-')";
            default -> throw new InvalidInputException("by", "group CSAT by queue, agent or category");
        };
        return jdbc.sql("select " + column + ", count(*), count(s.rating), coalesce(avg(s.rating), 0) from cases_csat s "
                        + "join cases_case c on c.id = s.case_id group by 1 order by 1")
                .query((rs, n) -> new CsatRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4))).list()
                .stream().toList();
    }

    @Override
    public List<SavedView> savedViews() {
        return jdbc.sql("select id, name, query from cases_saved_view where username = ? order by name")
                .param(CurrentUser.actorName()).query((rs, n) -> new SavedView(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    @Transactional
    public void saveView(String name, String query) {
        String n = CaseInput.required("name", name, 60);
        jdbc.sql("""
                insert into cases_saved_view (username, name, query) values (?, ?, ?)
                on conflict (username, name) do update set query = excluded.query""")
                .params(CurrentUser.actorName(), n, query).update();
    }

    private CsatLinks csatLinks() {
        CsatLinks l = links;
        if (l == null) {
            String secret = properties.csat().secret();
            if (secret == null || secret.isBlank()) {
                jdbc.sql("insert into cases_setting (key, value) values ('csat-secret', ?) on conflict do nothing")
                        .param(HexFormat.of().formatHex(randomBytes(32))).update();
                secret = jdbc.sql("select value from cases_setting where key = 'csat-secret'").query(String.class).single();
            }
            l = new CsatLinks(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            links = l;
        }
        return l;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
