package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/** The report formats from real runs: report.html in a real headless Chromium, m1go:merge, m1go.baseline. */
class ReportsIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static Maven.Run reproduce(Path dir, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                Maven.goal("reproduce"), "-Dm1go.goVersions=1.22@amd64", "-Dm1go.targets=linux/amd64,linux/arm64"));
        args.addAll(List.of(extra));
        return Maven.run(dir, args.toArray(String[]::new));
    }

    @Test
    void html_inHeadlessChromium_hasOneElementPerCell_andAFilterHidesCells() throws Exception {
        Components.requireLinuxMatrix();
        Components.require(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver");
        Path dir = Maven.workDirectory("html-in-chromium");
        Maven.Run run = reproduce(dir, "-Dm1go.cases=c-abort,cgo-hello").succeeded();
        JsonNode report = run.report();
        int cells = report.get("cells").size();
        int passing = 0;
        for (JsonNode c : report.get("cells")) {
            passing += c.get("outcome").asText().equals("PASS") ? 1 : 0;
        }
        assertThat(cells).isGreaterThan(passing).isGreaterThan(0);
        assertThat(passing).isPositive();

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Files.createTempDirectory("m1go-chromium-");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000");
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            browser.get(dir.resolve("target/m1go/report.html").toUri().toString());
            List<WebElement> all = browser.findElements(By.cssSelector(".grid .cell"));
            assertThat(all).hasSize(cells);
            assertThat(browser.findElement(By.id("regressions")).isDisplayed())
                    .as("the page leads with them")
                    .isTrue();
            assertThat(all).allMatch(WebElement::isDisplayed);

            WebElement failing = browser.findElement(By.cssSelector(".cell[data-outcome='CGO_SIGNAL'] summary"));
            failing.click();
            WebElement crash = browser.findElement(By.cssSelector(".cell[data-outcome='CGO_SIGNAL'] pre.crash"));
            assertThat(crash.isDisplayed()).isTrue();
            assertThat(crash.getText()).contains("SIGABRT");
            shot(browser, "report-html.png");

            new Select(browser.findElement(By.id("filter-outcome"))).selectByVisibleText("PASS");
            long shown = all.stream().filter(WebElement::isDisplayed).count();
            assertThat(shown).isEqualTo(passing);
            assertThat(all.stream().filter(e -> !e.isDisplayed())).hasSize(cells - passing);
            assertThat(browser.findElement(By.id("shown")).getText())
                    .isEqualTo(passing + " of " + cells + " cells shown");
            new Select(browser.findElement(By.id("filter-runner"))).selectByVisibleText("qemu");
            assertThat(all.stream().filter(WebElement::isDisplayed))
                    .allMatch(e -> "qemu".equals(e.getAttribute("data-runner"))
                            && "PASS".equals(e.getAttribute("data-outcome")))
                    .isNotEmpty();
            shot(browser, "report-html-filtered.png");
        } finally {
            browser.quit();
        }
    }

    private static void shot(ChromeDriver browser, String name) throws Exception {
        Path target = Path.of(System.getProperty("it.work", "target/it-work"))
                .getParent()
                .resolve(name);
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    @Test
    void merge_twoRealRunsWithDifferentRunners_andBaselineMarksKnownAndNew() throws Exception {
        Components.requireLinuxMatrix();
        Path root = Maven.workDirectory("merge-two-runs");
        Path a = Files.createDirectories(root.resolve("qemu-run"));
        Path b = Files.createDirectories(root.resolve("binfmt-run"));
        JsonNode ra = reproduce(a, "-Dm1go.cases=c-abort", "-Dm1go.runners=native,qemu")
                .succeeded()
                .report();
        Path baseline = a.resolve("target/m1go/report.json");
        Maven.Run runB = reproduce(
                        b,
                        "-Dm1go.cases=c-abort",
                        "-Dm1go.runners=native,binfmt",
                        "-Dm1go.baseline=" + baseline,
                        "-Dm1go.failOn=new")
                .succeeded();
        JsonNode rb = runB.report();
        assertThat(runB.output()).contains("m1go: compared with " + baseline + ": 1 new, 1 known, 0 fixed");
        List<String> statuses = new ArrayList<>();
        rb.get("baseline")
                .get("changes")
                .forEach(c -> statuses.add(
                        c.get("cell").asText() + " " + c.get("status").asText()));
        assertThat(statuses)
                .containsExactly(
                        "c-abort go1.22.12 amd64 linux/amd64 native default known",
                        "c-abort go1.22.12 amd64 linux/arm64 binfmt default new");
        assertThat(Files.readString(b.resolve("target/m1go/report.md"))).contains("## New since the baseline");

        Path merged = Files.createDirectories(root.resolve("merged"));
        Maven.Run merge = Maven.run(
                        merged,
                        Maven.goal("merge"),
                        "-Dm1go.inputs=" + baseline + "," + b.resolve("target/m1go/report.json"))
                .succeeded();
        JsonNode m = merge.report();
        assertThat(m.get("hosts")).hasSize(2);
        assertThat(m.get("hosts").get(0).get("host").get("unameMachine").asText())
                .isEqualTo("x86_64");
        assertThat(m.get("cells"))
                .hasSize(ra.get("cells").size() + rb.get("cells").size());
        TreeSet<String> columns = new TreeSet<>();
        m.get("cells")
                .forEach(c -> columns.add(
                        c.get("host").asText() + " " + c.get("runner").asText()));
        assertThat(columns)
                .containsExactly(
                        "linux/amd64 (binfmt-run) binfmt",
                        "linux/amd64 (binfmt-run) native",
                        "linux/amd64 (qemu-run) native",
                        "linux/amd64 (qemu-run) qemu");
        assertThat(m.get("hosts").get(0).get("label").asText()).isEqualTo("linux/amd64 (qemu-run)");
        for (String f : List.of("report.md", "report.html", "TEST-m1go.xml")) {
            assertThat(merged.resolve("target/m1go/" + f)).isNotEmptyFile();
        }
        // the crash text is still found through the rewritten log paths
        assertThat(Files.readString(merged.resolve("target/m1go/report.md"))).contains("SIGABRT: abort");

        Path bad = root.resolve("old/report.json");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "{\"schema\":\"m1go/0\",\"cells\":[]}");
        Maven.Run refused = Maven.run(merged, Maven.goal("merge"), "-Dm1go.inputs=" + baseline + "," + bad)
                .failed();
        assertThat(refused.output()).contains("m1go.inputs: " + bad + " has schema 'm1go/0'");
    }
}
