package dev.m1go.cases;

import dev.m1go.toolchain.GoVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How module mode runs what it built, beyond {@code m1go.args} and {@code m1go.testRun}/{@code testCount}/
 * {@code testTimeout}: more flags of every test binary, the run environment of programs and test binaries, the time
 * limit of a test binary and whether translated test binaries run one at a time.
 *
 * @param testShort          {@code m1go.testShort}: {@code -test.short}
 * @param testSkip           {@code m1go.testSkip}: {@code -test.skip} (Go 1.20 and later), or {@code null}
 * @param testParallel       {@code m1go.testParallel}: {@code -test.parallel}, or {@code null}
 * @param testCpu            {@code m1go.testCpu}: {@code -test.cpu} ({@code 1,2,4}), or {@code null}
 * @param testBench          {@code m1go.testBench}: {@code -test.bench}, or {@code null}
 * @param testBenchtime      {@code m1go.testBenchtime}: {@code -test.benchtime} ({@code 100x}, {@code 2s}), or
 *                           {@code null}
 * @param runEnv             {@code m1go.runEnv.<NAME>}: environment of every run of the module's programs and test
 *                           binaries (never of builds); reports name the variables, never their values
 * @param testTimeoutSeconds {@code m1go.testTimeoutSeconds}: the time limit of one test-binary run on a native runner;
 *                           a translated run gets {@value #TRANSLATED_FACTOR} times as long
 * @param translatedTestsOneAtATime {@code m1go.translatedTestsOneAtATime}: at most one translated test-binary run at a
 *                           time, while native runs keep the other workers busy
 */
public record RunOptions(
        boolean testShort,
        String testSkip,
        Integer testParallel,
        String testCpu,
        String testBench,
        String testBenchtime,
        Map<String, String> runEnv,
        int testTimeoutSeconds,
        boolean translatedTestsOneAtATime) {

    /** How many times longer a translated test-binary run may take than a native one. */
    public static final int TRANSLATED_FACTOR = 3;
    /** {@code m1go.testTimeoutSeconds} when not given. */
    public static final int DEFAULT_TEST_TIMEOUT_SECONDS = 300;
    /** The first Go whose test binaries know {@code -test.skip}. */
    public static final GoVersion SKIP_SINCE = new GoVersion(1, 20, 0, "");
    /** No flags, no run environment, the default time limit, translated test binaries one at a time. */
    public static final RunOptions DEFAULT =
            new RunOptions(false, null, null, null, null, null, Map.of(), DEFAULT_TEST_TIMEOUT_SECONDS, true);

    public RunOptions {
        testSkip = blankToNull(testSkip);
        testCpu = blankToNull(testCpu);
        testBench = blankToNull(testBench);
        testBenchtime = blankToNull(testBenchtime);
        runEnv = Collections.unmodifiableMap(new TreeMap<>(runEnv == null ? Map.of() : runEnv));
    }

    /** The flags these options add to a test binary's arguments, in a fixed order. */
    public List<String> testFlags() {
        List<String> a = new ArrayList<>();
        if (testShort) {
            a.add("-test.short");
        }
        if (testSkip != null) {
            a.add("-test.skip=" + testSkip);
        }
        if (testParallel != null) {
            a.add("-test.parallel=" + testParallel);
        }
        if (testCpu != null) {
            a.add("-test.cpu=" + testCpu);
        }
        if (testBench != null) {
            a.add("-test.bench=" + testBench);
        }
        if (testBenchtime != null) {
            a.add("-test.benchtime=" + testBenchtime);
        }
        return a;
    }

    /** The time limit of one test-binary run: {@code m1go.testTimeoutSeconds}, times {@value #TRANSLATED_FACTOR} translated. */
    public Duration testTimeLimit(boolean translated) {
        return Duration.ofSeconds((long) testTimeoutSeconds * (translated ? TRANSLATED_FACTOR : 1));
    }

    /** Why a test binary of Go {@code version} cannot take these flags, or empty when it can. */
    public Optional<String> unsupportedBy(GoVersion version) {
        if (testSkip != null && version.compareTo(SKIP_SINCE) < 0) {
            return Optional.of("m1go.testSkip needs -test.skip, which test binaries have since Go 1.20; one of "
                    + version + " stops with \"flag provided but not defined: -test.skip\"");
        }
        return Optional.empty();
    }

    /**
     * {@code m1go.runEnv} as given ({@code NAME} → value, from a pom's map or {@code m1go.runEnv.NAME=…}), checked.
     *
     * @throws CaseDefinitionException naming the key that is no variable name
     */
    public static Map<String, String> runEnv(Map<String, String> given) throws CaseDefinitionException {
        Map<String, String> env = new TreeMap<>();
        for (Map.Entry<String, String> e : (given == null ? Map.<String, String>of() : given).entrySet()) {
            String name = e.getKey().strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new CaseDefinitionException("m1go.runEnv key '" + name + "' is not an environment variable "
                        + "name: write for example m1go.runEnv.GODEBUG=asyncpreemptoff=1 (in a pom: "
                        + "<runEnv><GODEBUG>asyncpreemptoff=1</GODEBUG></runEnv>)");
            }
            env.put(name, e.getValue() == null ? "" : e.getValue());
        }
        return env;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
