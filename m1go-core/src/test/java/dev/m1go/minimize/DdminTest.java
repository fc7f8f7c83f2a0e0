package dev.m1go.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DdminTest {

    /** An oracle over integers that fails while {@code fails} holds; counts the candidates it was asked. */
    private static final class Counting implements Ddmin.Oracle<Integer> {
        final Predicate<List<Integer>> fails;
        int asked;
        final List<Integer> batchSizes = new ArrayList<>();

        Counting(Predicate<List<Integer>> fails) {
            this.fails = fails;
        }

        @Override
        public int firstKept(List<List<Integer>> candidates) {
            batchSizes.add(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                asked++;
                if (fails.test(candidates.get(i))) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void twoUnitsFarApart_areAllThatIsLeft() throws Exception {
        Counting oracle = new Counting(c -> c.contains(3) && c.contains(77));
        assertThat(Ddmin.minimize(range(100), oracle, 4)).containsExactly(3, 77);
        assertThat(oracle.asked).isLessThan(200);
    }

    @Test
    void theResultIsOneMinimal_removingAnyUnitLosesTheFailure() throws Exception {
        Predicate<List<Integer>> fails = c -> c.stream().filter(x -> x % 7 == 0).count() >= 3 && c.contains(50);
        List<Integer> result = Ddmin.minimize(range(60), new Counting(fails), 3);
        assertThat(fails.test(result)).isTrue();
        for (Integer u : result) {
            List<Integer> less = new ArrayList<>(result);
            less.remove(u);
            assertThat(fails.test(less)).as("without %s", u).isFalse();
        }
    }

    @Test
    void aSingleUnitThatIsNotNeeded_isTriedAgainstTheEmptySet() throws Exception {
        assertThat(Ddmin.minimize(range(8), new Counting(c -> true), 2)).isEmpty();
    }

    @Test
    void candidatesComeInBatchesOfAtMostTheBatchSize_subsetsBeforeComplements() throws Exception {
        Counting oracle = new Counting(c -> c.containsAll(List.of(1, 30, 60)));
        Ddmin.minimize(range(64), oracle, 3);
        assertThat(oracle.batchSizes).allSatisfy(n -> assertThat(n).isBetween(1, 3));
    }

    @Test
    void aStop_endsTheSearch() {
        Ddmin.Oracle<Integer> stopping = c -> {
            throw new Ddmin.Stop("the build budget is spent");
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ddmin.minimize(range(10), stopping, 2))
                .isInstanceOf(Ddmin.Stop.class)
                .hasMessage("the build budget is spent");
    }

    @Test
    void split_makesPartsOfNearlyEqualSize() {
        assertThat(Ddmin.split(range(10), 3)).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8, 9));
    }
}
