package dev.m1go.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test, bounded and seeded: thousands of mutations of the real fixtures (cut, duplicated, shuffled,
 * truncated lines, random bytes, unbalanced parentheses, huge lines) never make the classifier throw, and it always
 * returns an outcome with a non-null summary.
 */
class ClassifierPropertyTest {

    private static final long SEED = 0x6d31676fL;
    private static final int INPUTS = 4000;
    private static final String ALPHABET = "()[]{}:#\t \n\r0x/._-+=?SIGpanicfatalerror goroutine gp= m= mp= "
            + "signal arrived during cgo execution qemu: uncaught target signal assertion failed [ \u00e9\u0000";

    @Test
    void mutatedFixtures_neverThrow_alwaysClassify() {
        Random random = new Random(SEED);
        List<Fixtures.Fixture> fixtures = Fixtures.all();
        Classifier classifier = new GoCrashClassifier();
        for (int i = 0; i < INPUTS; i++) {
            Fixtures.Fixture f = fixtures.get(random.nextInt(fixtures.size()));
            String text = mutate(f.log().body(), random);
            Phase phase = random.nextBoolean() ? Phase.RUN : Phase.BUILD;
            String os = random.nextBoolean() ? "linux" : "darwin";
            Integer exit = random.nextInt(5) == 0 ? null : random.nextInt(260) - 2;
            Boolean signaled = random.nextInt(3) == 0 ? null : random.nextBoolean();
            Evidence e = new Evidence(
                    phase,
                    os,
                    exit,
                    signaled,
                    random.nextInt(20) == 0,
                    random.nextBoolean(),
                    random.nextInt(4) == 0 ? text : "",
                    text,
                    random.nextBoolean() ? "M1GO-OK" : null);
            Classification c = classifier.classify(e);
            assertThat(c).as("input %d from %s", i, f.name()).isNotNull();
            assertThat(c.outcome()).isNotNull();
            assertThat(c.summary()).isNotNull();
            assertThat(c.outcome() == Outcome.PASS || c.signature() != null).isTrue();
        }
    }

    static String mutate(String text, Random r) {
        StringBuilder sb = new StringBuilder(text);
        int rounds = 1 + r.nextInt(6);
        for (int k = 0; k < rounds && sb.length() > 0; k++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(7)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + r.nextInt(200)));
                case 1 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + r.nextInt(300))));
                case 2 -> sb.setLength(at);
                case 3 -> {
                    for (int j = 0; j < 1 + r.nextInt(40); j++) {
                        sb.insert(Math.min(sb.length(), at), ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    }
                }
                case 4 -> sb.insert(at, "(".repeat(r.nextInt(50)) + ")".repeat(r.nextInt(50)));
                case 5 -> sb.insert(at, "x".repeat(r.nextInt(20_000)));
                default -> sb.setCharAt(at, (char) r.nextInt(0x3000));
            }
        }
        return sb.toString();
    }
}
