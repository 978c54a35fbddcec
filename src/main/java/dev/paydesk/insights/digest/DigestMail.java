package dev.paydesk.insights.digest;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.paydesk.insights.KpiValue;
import dev.paydesk.insights.web.Exports;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes and sends the e-mails: a digest (HTML from {@code insights/digest-mail}, one CSV attachment per
 * market with the API's KPI rows) and a target-crossing notice, in the subscriber's language.
 */
@Component
class DigestMail {

    /** The CSV columns, the same as the dashboards' export. */
    static final List<String> CSV_HEADER = List.of("kpi", "value", "previous", "unit", "target", "status", "records");

    /** One market's KPIs in a digest. */
    record Section(String market, List<KpiValue> kpis) {
    }

    /** One market's part of the HTML. */
    record SectionView(String market, List<Row> rows, String link) {
    }

    /** A KPI as a row of the HTML table, already formatted for the reader's language. */
    record Row(String key, String value, String previous, String target, @Nullable String status) {
    }

    private final ObjectProvider<JavaMailSender> sender;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final DigestSettings settings;

    DigestMail(ObjectProvider<JavaMailSender> sender, ITemplateEngine templates, MessageSource messages,
               DigestSettings settings) {
        this.sender = sender;
        this.templates = templates;
        this.messages = messages;
        this.settings = settings;
    }

    /** Whether SMTP is configured ({@code spring.mail.host}) and digests are on. */
    boolean enabled() {
        return settings.enabled() && sender.getIfAvailable() != null;
    }

    static String csvName(String market, DigestPeriod period) {
        return "kpis-" + market + "-" + period.start() + ".csv";
    }

    static String csv(List<KpiValue> kpis) {
        List<List<Object>> rows = kpis.stream().map(v -> Arrays.<Object>asList(v.key(), v.value(), v.previous(), v.unit(),
                v.target(), v.status(), v.sample())).toList();
        return Exports.csv(CSV_HEADER, rows);
    }

    void sendDigest(String to, Subscriptions.Subscription s, DigestPeriod period, List<Section> sections) {
        Locale locale = Locale.forLanguageTag(s.language());
        Context ctx = new Context(locale);
        LocalDate last = period.end().minusDays(1);
        ctx.setVariable("frequency", s.frequency().name().toLowerCase(Locale.ROOT));
        ctx.setVariable("from", period.start());
        ctx.setVariable("last", last);
        ctx.setVariable("sections", sections.stream().map(sec -> new SectionView(sec.market(),
                sec.kpis().stream().map(v -> row(v, locale)).toList(), settings.baseUrl() + "/insights?from="
                        + period.start() + "&to=" + period.end() + "&market=" + sec.market())).toList());
        ctx.setVariable("manage", settings.baseUrl() + "/insights/subscriptions");
        String subject = messages.getMessage("insights.digest.subject." + s.frequency().name().toLowerCase(Locale.ROOT),
                new Object[] {s.marketsKey(), period.start().toString(), last.toString()}, locale);
        send(to, subject, templates.process("insights/digest-mail", ctx), sections, period);
    }

    void sendAlert(String to, String language, DigestJob.AlertRow alert, String when) {
        Locale locale = Locale.forLanguageTag(language);
        Context ctx = new Context(locale);
        ctx.setVariable("alert", alert);
        ctx.setVariable("value", format(alert.value(), alert.unit(), locale));
        ctx.setVariable("target", format(alert.target(), alert.unit(), locale));
        ctx.setVariable("when", when);
        ctx.setVariable("link", settings.baseUrl() + "/insights?market=" + alert.market());
        ctx.setVariable("manage", settings.baseUrl() + "/insights/subscriptions");
        String kpi = messages.getMessage("insights.kpi." + alert.kpi(), null, alert.kpi(), locale);
        String status = messages.getMessage("insights.status." + alert.status(), null, alert.status(), locale);
        ctx.setVariable("kpiLabel", kpi);
        ctx.setVariable("statusLabel", status);
        ctx.setVariable("previousLabel", alert.previous().isEmpty() ? null
                : messages.getMessage("insights.status." + alert.previous(), null, alert.previous(), locale));
        String subject = messages.getMessage("insights.alertMail.subject", new Object[] {alert.market(), kpi, status}, locale);
        send(to, subject, templates.process("insights/alert-mail", ctx), List.of(), null);
    }

    private void send(String to, String subject, String html, List<Section> attachments, @Nullable DigestPeriod period) {
        JavaMailSender mail = sender.getObject();
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(html, true);
            for (Section sec : attachments) {
                helper.addAttachment(csvName(sec.market(), period), new ByteArrayResource(
                        csv(sec.kpis()).getBytes(StandardCharsets.UTF_8)), "text/csv; charset=utf-8");
            }
            mail.send(message);
        } catch (MessagingException e) {
            throw new MailPreparationException("could not write the e-mail to " + to, e);
        }
    }

    private static Row row(KpiValue v, Locale locale) {
        return new Row(v.key(), format(v.value(), v.unit(), locale), format(v.previous(), v.unit(), locale),
                format(v.target(), v.unit(), locale), v.status());
    }

    /** A value as the reader writes numbers: fractions as percent, counts whole, others with one decimal. */
    static String format(@Nullable Double value, String unit, Locale locale) {
        if (value == null) {
            return "–";
        }
        NumberFormat f = unit.equals("fraction") ? NumberFormat.getPercentInstance(locale) : NumberFormat.getNumberInstance(locale);
        int digits = unit.equals("count") ? 0 : 1;
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(value);
    }
}
