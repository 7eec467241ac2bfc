package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.kenpo.privacy.accounts.AccountService;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.Totps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the tests that drive the pages in a real browser: Debian's chromium through its
 * chromium-driver, headless, against the test server on its loopback port. Each page a test
 * looks at is checked by axe-core (WCAG 2.2 AA rules) inside the browser: no violation allowed. A
 * failing test leaves a screenshot and the page's HTML under {@code target/browser-failures/}.
 * Without chromium the tests are skipped on a developer's machine, never in CI ({@code CI=true}).
 */
@ExtendWith(BrowserTest.OnFailure.class)
abstract class BrowserTest extends DatabaseTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path FAILURES = Path.of("target", "browser-failures");
    private static final String WCAG_22_AA = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']";
    private static String axe;

    @Autowired
    protected AccountService accountService;

    protected WebDriver browser;

    @Autowired
    MemberImport memberImport;

    /** A household: an insured person and one dependent with a フリガナ no other test uses. */
    protected record Household(MemberKey insured, MemberKey dependent, String kana) {}

    protected Household household() {
        String symbol = TestMembers.freshSymbol();
        String kana = "ペイジ " + uniqueKatakana();
        String dependent =
                TestMembers.dependent(symbol, "1", "01", "2020-04-01").replace("シケン ハナコ", kana);
        TestMembers.importRows(memberImport, List.of(TestMembers.insured(symbol, "1", "2020-04-01", null), dependent));
        return new Household(new MemberKey(symbol, "1", "00"), new MemberKey(symbol, "1", "01"), kana);
    }

    private static String uniqueKatakana() {
        String letters = "アイウエオカキクケコサシスセソタ";
        var out = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            out.append(letters.charAt(Character.digit(c, 16)));
        }
        return out.toString();
    }

    @BeforeEach
    void openBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(
                        "the browser tests need Debian's chromium and chromium-driver in CI; .ci/run installs them");
            }
            Assumptions.abort("chromium and chromium-driver are not installed on this machine "
                    + "(apt-get install chromium chromium-driver): browser tests skipped here; CI runs them");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A phone's screen: 360 CSS pixels wide. */
    protected void phoneSized() {
        browser.manage().window().setSize(new Dimension(360, 800));
    }

    protected void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    protected String path() {
        return browser.getCurrentUrl().replaceFirst("^http://127\\.0\\.0\\.1:[0-9]+", "");
    }

    protected WebElement find(By by) {
        return browser.findElement(by);
    }

    protected void fill(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Presses the (one) submit button of the form holding the element with this id, and waits for the next page. */
    protected void submitFormOf(String id) {
        click(browser.findElement(By.id(id))
                .findElement(By.xpath("ancestor::form"))
                .findElement(By.cssSelector("button[type=submit]")));
    }

    protected void press(String buttonText) {
        click(browser.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")));
    }

    protected void follow(String linkText) {
        click(browser.findElement(By.linkText(linkText)));
    }

    /** Clicks something that loads another page, and waits (at most 15 s) until the old one is gone. */
    protected void click(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> gone(page));
    }

    /**
     * Whether the page this element belonged to has been replaced. Chromium answers for an element
     * of a document being torn down either as a stale element or, in that instant, as an inspector
     * error that the node is no longer in the document; both mean the old page is gone.
     */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    protected String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    protected String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    protected void signIn(String name, String password, String code) {
        open("/sign-in");
        fill("username", name);
        fill("password", password);
        if (code != null) {
            fill("code", code);
        }
        submitFormOf("username");
    }

    /** A staff account set up over the API; its holder then signs in here with password and a fresh code. */
    protected void signInAs(String name, Role role) {
        var person = accounts().person(api(), name, role);
        signIn(name, person.password, person.nextCode());
    }

    protected void signInAsMember(String name, MemberKey member) {
        var person = accounts().member(api(), name, member);
        signIn(name, person.password, null);
    }

    protected String oneTimePasswordOfNew(String name, Role role, Optional<MemberKey> member) {
        return TestAccounts.operator(() -> accountService.create(name, role, member))
                .oneTimePassword()
                .orElseThrow();
    }

    protected static String code(String secret, long step) {
        return Totps.code(secret, step);
    }

    protected static long stepNow() {
        return Totps.step(Instant.now());
    }

    /** axe-core run on the page as it stands: WCAG 2.0, 2.1 and 2.2 A and AA rules, no violation. */
    protected void assertAccessible() {
        var js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        Object violations = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: " + WCAG_22_AA + "}})"
                + ".then(r => done(JSON.stringify(r.violations.map(v => ({rule: v.id, help: v.help,"
                + " nodes: v.nodes.map(n => n.target.join(' '))})))))"
                + ".catch(e => done('axe failed: ' + e));");
        assertThat(violations).as("axe-core on " + path()).isEqualTo("[]");
    }

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    /** Keeps what the browser showed when a test failed, before the browser is closed. */
    static final class OnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext context) throws IOException {
            if (context.getExecutionException().isEmpty()
                    || !(context.getRequiredTestInstance() instanceof BrowserTest test)
                    || test.browser == null) {
                return;
            }
            Files.createDirectories(FAILURES);
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            Path shot = ((TakesScreenshot) test.browser)
                    .getScreenshotAs(OutputType.FILE)
                    .toPath();
            Files.copy(shot, FAILURES.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(FAILURES.resolve(name + ".html"), test.browser.getPageSource());
        }
    }
}
