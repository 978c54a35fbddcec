package dev.paydesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** English and German are complete: the same keys, every key a template uses exists, placeholders agree. */
class MessageBundleTests {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void germanHasEveryEnglishKeyAndNoOther() throws IOException {
        assertThat(bundle("messages_de.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
    }

    /**
     * A key given twice silently takes its last value; the bundles are union-merged between branches, so two
     * branches adding the same key must be noticed (found when two branches both added the case enum labels).
     */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_de.properties"}) {
            Properties seen = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    Object before = super.put(key, value);
                    assertThat(before).as(name + " defines " + key + " twice").isNull();
                    return before;
                }
            };
            try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + name)) {
                seen.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void everyMessageKeyATemplateNamesExists() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Pattern use = Pattern.compile("#\\{([A-Za-z0-9_./-]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void bothLanguagesTakeTheSamePlaceholders() throws IOException {
        Properties en = bundle("messages.properties");
        Properties de = bundle("messages_de.properties");
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String d = de.getProperty(key, "");
            if (e.contains("{0}") || d.contains("{0}")) {
                assertThat(new MessageFormat(d, Locale.GERMAN).getFormats()).as(key)
                        .hasSameSizeAs(new MessageFormat(e, Locale.ENGLISH).getFormats());
            }
        }
    }
}
