package fr.rep.caseengine.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven through the distribution's chromedriver, with its own profile. There is no internet
 * on the build machines: Selenium is given the driver and the browser, so it never tries to download them, and a
 * missing browser fails the test instead of skipping it.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriver driver;

    Browser(String baseUrl) {
        assertThat(CHROMIUM)
                .as("Debian's chromium must be installed (apt-get install chromium chromium-driver)")
                .isExecutable();
        assertThat(CHROMEDRIVER)
                .as("Debian's chromium-driver must be installed " + "(apt-get install chromium chromium-driver)")
                .isExecutable();
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("rep-browser-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--user-data-dir=" + profile,
                "--lang=fr-FR",
                "--no-first-run",
                "--no-default-browser-check",
                // Nothing reaches out to the internet: there is none on the build machines.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--metrics-recording-only",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection");
        // A French browser, as the service's users have: date fields read jj/mm/aaaa (Debian's chromium-l10n).
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(java.util.Map.of("LANGUAGE", "fr_FR:fr", "LANG", "fr_FR.UTF-8"))
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the application by its path. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in through the sign-in page, then waits for the page it leads to. */
    public Browser signIn(String username, String password) {
        if (!driver.getCurrentUrl().contains("/connexion")) {
            open("/connexion");
        }
        type(By.id("username"), username);
        type(By.id("password"), password);
        submit(driver.findElement(By.cssSelector("main form button[type=submit]")));
        return this;
    }

    /** Clicks a form's button and waits for the page the form leads to. */
    public void submit(WebElement button) {
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
    }

    public void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    public String heading() {
        return text(By.tagName("h1"));
    }

    public String pageText() {
        return text(By.tagName("body"));
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Runs axe-core on the page as it is now and fails on any serious or critical violation. */
    public Browser assertAccessible() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        assertThat(blocking)
                .as(() -> "accessibility of " + path() + ":\n"
                        + blocking.stream()
                                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
        return this;
    }

    /** Saves the page as {@code docs/screenshots/<name>.png}, to be looked at and shown in the README. */
    public Browser screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Path target = Screenshots.DIRECTORY.resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The same page at a phone's width (caseworkers on home visits), screenshot and accessibility included. */
    public Browser onPhone(Runnable check) {
        driver.manage().window().setSize(PHONE);
        try {
            driver.navigate().refresh();
            check.run();
        } finally {
            driver.manage().window().setSize(DESKTOP);
        }
        return this;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // A profile left in the temporary directory does no harm.
        }
    }
}
