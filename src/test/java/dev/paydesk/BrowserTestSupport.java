package dev.paydesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import dev.paydesk.platform.PlatformTestSupport;

/**
 * Browser tests with Playwright for Java driving Debian's Chromium ({@code /usr/bin/chromium}); no
 * browser is ever downloaded. CI installs Chromium; on a developer machine without it the browser
 * tests are skipped (and fail under {@code CI=true}).
 */
public abstract class BrowserTestSupport extends PlatformTestSupport {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PAYDESK_CHROMIUM", "/usr/bin/chromium"));

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        boolean available = Files.isExecutable(CHROMIUM);
        if (!available && System.getenv("CI") != null) {
            throw new IllegalStateException("Chromium is required for browser tests in CI: " + CHROMIUM);
        }
        Assumptions.assumeTrue(available, "Chromium not installed at " + CHROMIUM);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePage(org.junit.jupiter.api.TestInfo info) {
        if (page != null) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "browser-shots", info.getTestClass().map(Class::getSimpleName).orElse("x")
                            + "-" + info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("x") + ".png")));
        }
        if (context != null) {
            context.close();
        }
    }

    private static String axeSource;

    /**
     * The serious and critical axe-core violations on the page as it is now ({@code id impact [nodes]}); axe.min.js
     * comes from {@code com.deque.html.axe-core:playwright} on the test classpath, never from the network.
     */
    @SuppressWarnings("unchecked")
    protected static List<String> seriousAxeViolations(Page p) {
        if (axeSource == null) {
            try (java.io.InputStream in = BrowserTestSupport.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js from com.deque.html.axe-core:playwright is not on the test classpath");
                }
                axeSource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        p.evaluate(axeSource);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) p.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))""");
        return violations.stream().map(v -> v.get("impact") + " " + v.get("id") + " " + v.get("nodes")).toList();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void signIn(String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
    }
}
